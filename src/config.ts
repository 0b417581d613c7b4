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
  /** The owners' channel (in ADMIN_GUILD_ID) where the season feed posts what Wikipedia changed, to Apply or Skip. */
  ADMIN_CHANNEL_ID: z.preprocess(emptyAsUndefined, snowflake.optional()),
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
  /** Gateway shards in this process: "auto" asks Discord (GET /gateway/bot), a number forces it. */
  SHARD_COUNT: z.preprocess(
    emptyAsUndefined,
    z
      .union([z.literal("auto"), z.coerce.number().int().min(1).max(1024)], {
        error: 'must be "auto" or a whole number of shards, e.g. 4',
      })
      .default("auto"),
  ),
  /** `npm start` without a token: the playground's web page listens here on 127.0.0.1 (the next free port if taken). */
  PLAYGROUND_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int("must be a whole number").min(1).max(65_535, "must be a port, 1-65535").default(3000),
  ),
  /** "off": an HTTP-only worker (interactions over INTERACTIONS_PORT, no gateway connection, REST with the token). */
  GATEWAY: z.preprocess(
    (v) => (typeof v === "string" ? emptyAsUndefined(v.toLowerCase()) : v),
    z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  ),
  /** Serve Discord's interactions endpoint (POST /interactions, GET /healthz) on this port; 0 picks a free one. */
  INTERACTIONS_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: "must be a port number, e.g. 8080" })
      .int("must be a port number, e.g. 8080")
      .min(0, "must be a port number, e.g. 8080")
      .max(65_535, "must be a port number, e.g. 8080")
      .optional(),
  ),
  /** The application's public key (Developer Portal -> General Information), which signs every interaction POST. */
  DISCORD_PUBLIC_KEY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, "must be the 64 hex characters of the Developer Portal's Public Key")
      .transform((s) => s.toLowerCase())
      .optional(),
  ),
  /** The MediaWiki Action API the season feed reads (the real English Wikipedia unless a test points elsewhere). */
  WIKIPEDIA_API_URL: z.preprocess(
    emptyAsUndefined,
    z
      .url("must be a MediaWiki API URL such as https://en.wikipedia.org/w/api.php")
      .default("https://en.wikipedia.org/w/api.php"),
  ),
  /**
   * How Wikimedia can reach whoever runs this bot (an e-mail address or a URL), sent in the feed's User-Agent as
   * Wikimedia's User-Agent policy asks.
   */
  WIKIPEDIA_CONTACT: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  /** How long the season feed waits for one answer from Wikipedia before it gives up and backs off. */
  WIKIPEDIA_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int("must be a whole number of milliseconds").min(100).max(120_000).default(15_000),
  ),
  /** "off": the season feed never reads Wikipedia. */
  LIVE_FEED: z.preprocess(
    (v) => (typeof v === "string" ? emptyAsUndefined(v.toLowerCase()) : v),
    z.enum(["on", "off"], { error: 'must be "on" or "off"' }).default("on"),
  ),
  /** "review": the owners approve each change the feed finds; "auto": it is applied unless it looks wrong. */
  LIVE_UPDATES: z.preprocess(
    (v) => (typeof v === "string" ? emptyAsUndefined(v.toLowerCase()) : v),
    z.enum(["review", "auto"], { error: 'must be "review" or "auto"' }).default("review"),
  ),
  /**
   * Article titles for seasons whose page was renamed, as `season=Title` pairs separated by `;`; every other season's
   * title is derived ("Dancing with the Stars (American TV series) season N").
   */
  WIKIPEDIA_TITLES: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default("")
      .transform((s, ctx) => {
        const titles = new Map<number, string>();
        for (const pair of s
          .split(";")
          .map((p) => p.trim())
          .filter(Boolean)) {
          const m = /^(\d{1,3})\s*=\s*(.+)$/.exec(pair);
          if (!m?.[1] || !m[2]) {
            ctx.addIssue({ code: "custom", message: `must be season=Title pairs separated by ";" (got "${pair}")` });
            return z.NEVER;
          }
          titles.set(Number(m[1]), m[2].trim());
        }
        return titles;
      }),
  ),
});

/** The modes that only make sense together, each refused with one line that says what to set. */
const checkedSchema = configSchema.superRefine((config, ctx) => {
  if (config.INTERACTIONS_PORT !== undefined && !config.DISCORD_PUBLIC_KEY) {
    ctx.addIssue({
      code: "custom",
      path: ["DISCORD_PUBLIC_KEY"],
      message:
        "is required with INTERACTIONS_PORT (every interaction's signature is checked with it): copy the Public Key from the Developer Portal, General Information",
    });
  }
  if (config.GATEWAY === "off" && config.INTERACTIONS_PORT === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["INTERACTIONS_PORT"],
      message: "must be set when GATEWAY=off (an HTTP-only worker receives interactions on it), e.g. 8080",
    });
  }
  if (config.GATEWAY === "off" && !config.DATABASE_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["DATABASE_URL"],
      message:
        "must be set when GATEWAY=off: workers share one PostgreSQL, and the embedded database opens in one process only; set DATABASE_URL=postgres://…",
    });
  }
});

export type Config = z.infer<typeof configSchema>;

/** A bad environment: one line that names the variable and how to fix it. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = checkedSchema.safeParse(env);
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
