import "dotenv/config";
import { z } from "zod";

const snowflake = z.string().regex(/^\d{17,20}$/, "must be a Discord id (17-20 digits)");
const idList = z
  .string()
  .default("")
  .transform((s) =>
    s
      .split(",")
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .pipe(z.array(snowflake));
const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

const configSchema = z.object({
  DISCORD_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(20, "looks too short for a bot token").optional()),
  DISCORD_API_URL: z.preprocess(
    emptyAsUndefined,
    z.url("must be a URL such as https://discord.com/api").default("https://discord.com/api"),
  ),
  DEV_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  /** The one server where the bot owners' /admin commands are registered and accepted. */
  ADMIN_GUILD_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// (leave it unset to use the embedded database)")
      .optional(),
  ),
  PGLITE_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
  BOT_OWNER_IDS: idList,
  /** `npm start` without a token: the playground's web page listens here on 127.0.0.1 (the next free port if taken). */
  PLAYGROUND_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int("must be a whole number").min(1).max(65_535, "must be a port, 1-65535").default(3000),
  ),
});

export type Config = z.infer<typeof configSchema>;

/** A bad environment: one line that names the variable and how to fix it. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const variable = String(issue?.path[0] ?? "environment");
  throw new ConfigError(`${variable} ${issue?.message ?? "is invalid"}: fix it in .env (see .env.example).`);
}

export function requireToken(config: Config): string {
  if (!config.DISCORD_TOKEN) {
    throw new ConfigError(
      "DISCORD_TOKEN is not set: copy .env.example to .env and paste your bot token (README: Discord application), or try `npm run console -- '/leaderboard'` without one.",
    );
  }
  return config.DISCORD_TOKEN;
}
