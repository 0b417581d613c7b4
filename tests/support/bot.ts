import { pino } from "pino";
import { type Bot, startBot } from "../../src/bot.js";
import { type Config, loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/client.js";
import { LocalDiscord, type LocalDiscordOptions, type LocalGuild } from "../../tools/local-discord/index.js";
import { freshDatabase, type TestDatabase } from "./database.js";

/**
 * How interactions reach the bot: the gateway (default), or "http": signed POSTs from the local Discord to the bot's
 * interactions endpoint, round robin across workers. Over HTTP on PostgreSQL the bot is three GATEWAY=off workers, each
 * with its own connection pool; on PGlite (one process only) one process serves both. MIRRORBALL_TEST_TRANSPORT=http
 * switches a whole test file (tests/e2e/http-core.test.ts runs the core suites that way).
 */
export type Transport = "gateway" | "http";

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
  transport: Transport;
  /** Every bot started so far (over HTTP on PostgreSQL: the workers behind the local Discord's round robin). */
  bots: Bot[];
  /** Whether a bot is taking interactions: connected to the gateway, or its endpoint listening for HTTP-only workers. */
  serving(bot: Bot): boolean;
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
  /** Default: MIRRORBALL_TEST_TRANSPORT, else "gateway". */
  transport?: Transport;
  /** HTTP-only workers started at once over HTTP on PostgreSQL; default 3. */
  workers?: number;
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
  const transport = options.transport ?? (process.env.MIRRORBALL_TEST_TRANSPORT === "http" ? "http" : "gateway");
  const config = loadConfig({
    DISCORD_API_URL: discord.apiUrl,
    DEV_GUILD_ID: options.globalCommands ? "" : guild.id,
    LOG_LEVEL: "silent",
    ...(adminGuild ? { ADMIN_GUILD_ID: adminGuild.id, ADMIN_CHANNEL_ID: adminGuild.defaultChannelId } : {}),
    // Tests never reach Wikipedia: a test of the season feed turns it on with WIKIPEDIA_API_URL at tools/mediawiki.
    LIVE_FEED: "off",
    ...(transport === "http" ? { INTERACTIONS_PORT: "0", DISCORD_PUBLIC_KEY: discord.publicKey } : {}),
    ...(transport === "http" && database.url ? { GATEWAY: "off", DATABASE_URL: database.url } : {}),
    ...options.env,
  });
  const httpOnly = config.GATEWAY === "off";
  const bots: Bot[] = [];
  const closers: (() => Promise<void>)[] = [];
  const launch = async () => {
    // Each HTTP-only worker is a process of its own in production: its own connection pool here.
    const handle = httpOnly ? await openDatabase({ url: database.url }) : undefined;
    if (handle) closers.push(() => handle.close());
    const bot = await startBot({ config, db: handle?.db ?? database.db, token: discord.token, logger: silentLogger });
    bots.push(bot);
    if (!httpOnly) await discord.waitForBot({ sessions: bots.filter((b) => b.client.isReady()).length });
    const url = bot.interactions?.url;
    if (url) {
      await discord.addInteractionsEndpoint(url);
      // The load balancer takes a worker out before it stops, as a health check would.
      const stop = bot.stop.bind(bot);
      bot.stop = async () => {
        discord.removeInteractionsEndpoint(url);
        await stop();
      };
    }
    return bot;
  };
  const bot = await launch();
  if (httpOnly) for (let i = 1; i < (options.workers ?? 3); i++) await launch();
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
    transport,
    bots,
    serving: (b) => (httpOnly ? b.interactions?.listening === true : b.client.isReady()),
    async stop() {
      await Promise.all(bots.map((b) => b.stop()));
      await discord.stop();
      await Promise.all(closers.map((close) => close()));
      await database.close();
    },
  };
}
