import { pino } from "pino";
import { type Bot, startBot } from "../../src/bot.js";
import { type Config, loadConfig } from "../../src/config.js";
import { LocalDiscord, type LocalDiscordOptions, type LocalGuild } from "../../src/local-discord/index.js";
import { freshDatabase, type TestDatabase } from "./database.js";

export const silentLogger = pino({ level: "silent" });

export interface TestBot {
  discord: LocalDiscord;
  guild: LocalGuild;
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
}

/**
 * The whole bot as Discord would run it: the local Discord (gateway and REST), a database of its own, and the real
 * discord.js client connected through DISCORD_API_URL, with its commands registered to the test guild.
 */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const discord = await LocalDiscord.start(options.discord);
  const guild = discord.addGuild({ name: "Mirrorball Fans" });
  const database = await freshDatabase({ seeded: options.seeded ?? true });
  const config = loadConfig({
    DISCORD_API_URL: discord.apiUrl,
    DEV_GUILD_ID: guild.id,
    LOG_LEVEL: "silent",
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
  await discord.waitForCommands([...bot.commands.keys()], { guildId: guild.id });
  return {
    discord,
    guild,
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
