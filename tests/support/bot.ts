import { pino } from "pino";
import { type Bot, startBot } from "../../src/bot.js";
import { type Config, loadConfig } from "../../src/config.js";
import { LocalDiscord, type LocalDiscordOptions, type LocalGuild } from "../../tools/local-discord/index.js";
import { freshDatabase, type TestDatabase } from "./database.js";

export const silentLogger = pino({ level: "silent" });

export interface TestBot {
  discord: LocalDiscord;
  guild: LocalGuild;
  /** The bot owners' server (ADMIN_GUILD_ID), when started with `adminGuild: true`. */
  adminGuild: LocalGuild | undefined;
  database: TestDatabase;
  /** The first bot process. */
  bot: Bot;
  config: Config;
  /** Starts one more bot process on the same database and local Discord (a restart, or a second replica). */
  startAnotherBot(): Promise<Bot>;
  stop(): Promise<void>;
}

export interface TestBotOptions {
  /** Start from a database with every season loaded (default) or an empty, migrated one. */
  seeded?: boolean;
  /** Environment values on top of the test defaults, e.g. { BOT_OWNER_IDS: "…" }. */
  env?: Record<string, string>;
  discord?: LocalDiscordOptions;
  /** Add a second server as ADMIN_GUILD_ID, where the admin commands are registered. */
  adminGuild?: boolean;
  /** Register the everyday commands globally (no DEV_GUILD_ID), as in production: needed in DMs and elsewhere. */
  globalCommands?: boolean;
}

/**
 * The whole bot as Discord would run it: the local Discord (gateway and REST), a database of its own, and the real
 * discord.js client connected through DISCORD_API_URL, with its commands registered to the test guild.
 */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const discord = await LocalDiscord.start(options.discord);
  const guild = discord.addGuild({ name: "Mirrorball Fans" });
  const adminGuild = options.adminGuild ? discord.addGuild({ name: "Mirrorball Owners" }) : undefined;
  const database = await freshDatabase({ seeded: options.seeded ?? true });
  const config = loadConfig({
    DISCORD_API_URL: discord.apiUrl,
    DEV_GUILD_ID: options.globalCommands ? "" : guild.id,
    LOG_LEVEL: "silent",
    ...(adminGuild ? { ADMIN_GUILD_ID: adminGuild.id } : {}),
    ...options.env,
  });
  const bots: Bot[] = [];
  const launch = async () => {
    const bot = await startBot({ config, db: database.db, token: discord.token, logger: silentLogger });
    bots.push(bot);
    await discord.waitForBot({ sessions: bots.filter((b) => b.client.isReady()).length });
    return bot;
  };
  const bot = await launch();
  const everyday = [...bot.commands.values()].filter((c) => c.scope !== "admin").map((c) => c.data.name);
  await discord.waitForCommands(everyday, options.globalCommands ? {} : { guildId: guild.id });
  if (adminGuild) {
    const admin = [...bot.commands.values()].filter((c) => c.scope === "admin").map((c) => c.data.name);
    await discord.waitForCommands(admin, { guildId: adminGuild.id });
  }
  return {
    discord,
    guild,
    adminGuild,
    database,
    bot,
    config,
    startAnotherBot: launch,
    async stop() {
      await Promise.all(bots.map((b) => b.stop()));
      await discord.stop();
      await database.close();
    },
  };
}
