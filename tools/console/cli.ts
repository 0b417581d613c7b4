import { pino } from "pino";
import { startBot } from "../../src/bot.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { prepareDatabase } from "../../src/db/prepare.js";
import { LocalDiscord } from "../local-discord/index.js";
import { parseCommandLine, type RenderableMessage, renderMessage } from "./render.js";

/**
 * `npm run console -- '/leaderboard season:32 week:11'`: runs one command through the same path as in a server (the
 * local Discord, the real client, the database) and prints the reply as text, or the raw payloads with --json.
 */
async function main(argv: string[]): Promise<void> {
  const json = argv.includes("--json");
  const line = argv.filter((a) => a !== "--json").join(" ");
  if (!line.trim())
    throw new ConfigError("Give a command, for example: npm run console -- '/leaderboard season:32 week:11'");
  const { name, path, options } = parseCommandLine(line);

  const logger = pino({ level: process.env.LOG_LEVEL === "debug" ? "debug" : "warn" });
  const discord = await LocalDiscord.start();
  const guild = discord.addGuild({ name: "Mirrorball console" });
  const config = loadConfig({ ...process.env, DISCORD_API_URL: discord.apiUrl, DEV_GUILD_ID: guild.id });
  const database = await prepareDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR }, logger);
  const bot = await startBot({ config, db: database.db, token: discord.token, logger });
  try {
    // Admin commands live in the owners' server only; the console's server gets everyone's commands.
    const everyday = [...bot.commands.values()].filter((c) => c.scope !== "admin").map((c) => c.data.name);
    await discord.waitForCommands(everyday, { guildId: guild.id });
    const definition = discord.commands(guild.id).find((c) => c.name === name);
    if (!definition)
      throw new ConfigError(`There is no /${name} here. Commands: ${everyday.map((c) => `/${c}`).join(", ")}`);
    // The options of the subcommand named (and of its group), or of the command itself.
    let level = definition.options ?? [];
    for (const step of path) {
      const sub = level.find((o) => o.name === step && (o.type === 1 || o.type === 2));
      if (!sub || !("options" in sub)) throw new ConfigError(`/${[name, ...path].join(" ")} is not a command here.`);
      level = sub.options ?? [];
    }
    const values = Object.fromEntries(
      [...options].map(([key, raw]) => {
        const option = level.find((o) => o.name === key);
        if (!option) throw new ConfigError(`/${[name, ...path].join(" ")} has no option "${key}".`);
        // 4 = integer, 10 = number, 5 = boolean in Discord's option types.
        const value = option.type === 4 || option.type === 10 ? Number(raw) : option.type === 5 ? raw === "true" : raw;
        return [key, value];
      }),
    );
    const [subcommandGroup, subcommand] = path.length === 2 ? path : [undefined, path[0]];
    // The console's member owns its server, so Manage Server commands (/poll custom, /settings) can be tried too.
    const ix = await discord.slash({
      name,
      ...(subcommandGroup ? { subcommandGroup } : {}),
      ...(subcommand ? { subcommand } : {}),
      options: values,
      user: guild.ownerId,
    });
    await ix.settled({ idleMs: 300 });
    if (json) {
      process.stdout.write(
        `${JSON.stringify(
          ix.responses.map((r) => ({ kind: r.kind, status: r.status, body: r.body })),
          null,
          2,
        )}\n`,
      );
    } else {
      // The reply, then anything the command posted to the channel besides it (a poll, for example).
      const replies = [ix.finalMessage(), ...ix.followUps].filter((m) => m !== undefined);
      const posts = discord.channelMessages(guild.defaultChannelId).filter((m) => !replies.some((r) => r.id === m.id));
      for (const message of replies) process.stdout.write(`${renderMessage(message as RenderableMessage)}\n\n`);
      for (const message of posts) {
        process.stdout.write(`(posted in #general)\n${renderMessage(message as RenderableMessage)}\n\n`);
      }
    }
    for (const v of discord.violations) process.stderr.write(`Discord would reject: ${JSON.stringify(v)}\n`);
  } finally {
    await bot.stop();
    await discord.stop();
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // What the user typed was wrong (a config problem, or something Discord itself would not let them send): one line.
  const message = error instanceof Error ? error.message : String(error);
  const typed = error instanceof ConfigError || message.startsWith("local-discord:");
  process.stderr.write(
    `${typed ? message.replace(/^local-discord: /, "") : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
