/**
 * The machinery the playground and the console share: the local Discord with the playground's servers and members,
 * the database (`prepareDatabase`, as `npm start` opens it), and the real bot (`startBot`) connected to it.
 */
import { PermissionFlagsBits } from "discord.js";
import { type Bot, startBot } from "../../src/bot.js";
import { type Config, loadConfig } from "../../src/config.js";
import type { Database, DatabaseHandle } from "../../src/db/client.js";
import type { Logger } from "../../src/logger.js";
import { prepareDatabase } from "../../src/seed/prepare.js";
import { LocalDiscord, type LocalDiscordOptions } from "../local-discord/index.js";
import { ChannelFeed } from "./feed.js";

/** Ids stay the same from run to run, so polls, schedules and settings saved by one run find their channel the next. */
export const ids = {
  fans: "1180000000000000001",
  general: "1180000000000000011",
  showNight: "1180000000000000012",
  owners: "1180000000000000002",
  admin: "1180000000000000021",
  moderatorRole: "1180000000000000031",
  ownerRole: "1180000000000000032",
  ava: "1180000000000000101",
  ben: "1180000000000000102",
  morgan: "1180000000000000103",
  olive: "1180000000000000104",
} as const;

/** The servers and channels, in the order the page lists them. */
export const servers = [
  {
    id: ids.fans,
    name: "Mirrorball Fans",
    channels: [
      { id: ids.general, name: "general", topic: "Try /leaderboard season:32 week:11" },
      { id: ids.showNight, name: "show-night", topic: "Polls and results on show night" },
    ],
  },
  {
    id: ids.owners,
    name: "Mirrorball Owners",
    channels: [{ id: ids.admin, name: "admin", topic: "Run the season on the air with /admin" }],
  },
];

/** Someone the page can act as. */
export interface PlaygroundMember {
  id: string;
  name: string;
  /** Who they are, in a few words, for the member switcher. */
  about: string;
  /** The servers they are in. */
  guildIds: string[];
  /** Avatar colour on the page. */
  color: string;
}

export const members: PlaygroundMember[] = [
  { id: ids.ava, name: "Ava", about: "a fan", guildIds: [ids.fans], color: "#5865f2" },
  { id: ids.ben, name: "Ben", about: "another fan", guildIds: [ids.fans], color: "#3ba55c" },
  {
    id: ids.morgan,
    name: "Morgan",
    about: "moderator (Manage Server)",
    guildIds: [ids.fans],
    color: "#eb459e",
  },
  {
    id: ids.olive,
    name: "Olive",
    about: "bot owner, in the admin server",
    guildIds: [ids.fans, ids.owners],
    color: "#faa61a",
  },
];

export interface SessionOptions {
  logger: Logger;
  /** The environment (default process.env); the playground's own ids are set on top of it. */
  env?: NodeJS.ProcessEnv;
  /** Use this database instead of opening DATABASE_URL / PGLITE_DIR (tests bring their own). */
  database?: { db: Database; kind: "pglite" | "postgres" };
  discord?: LocalDiscordOptions;
}

export interface Session {
  discord: LocalDiscord;
  /** Every message since start, per channel, with who may see it. */
  feed: ChannelFeed;
  bot: Bot;
  config: Config;
  db: Database;
  engine: "pglite" | "postgres";
  stop(): Promise<void>;
}

/** Builds the servers, channels, roles and members, then starts the bot against them with its commands registered. */
export async function startSession(options: SessionOptions): Promise<Session> {
  const settings = loadConfig({
    ...(options.env ?? process.env),
    // Global commands, as in production: the lookups also work in the members' DMs with the bot.
    DEV_GUILD_ID: "",
    ADMIN_GUILD_ID: ids.owners,
    BOT_OWNER_IDS: ids.olive,
  });
  // The local Discord and the database start side by side: on a first run the database loads every season.
  const [started, prepared] = await Promise.allSettled([
    LocalDiscord.start(options.discord),
    options.database ?? prepareDatabase({ url: settings.DATABASE_URL, pgliteDir: settings.PGLITE_DIR }, options.logger),
  ]);
  const opened = prepared.status === "fulfilled" && !options.database ? prepared.value : undefined;
  if (started.status === "rejected" || prepared.status === "rejected") {
    if (started.status === "fulfilled") await started.value.stop();
    await (opened as DatabaseHandle | undefined)?.close();
    throw started.status === "rejected" ? started.reason : (prepared as PromiseRejectedResult).reason;
  }
  const discord = started.value;
  const { db, kind: engine } = prepared.value;
  // Before the bot starts, so messages it posts at once (a poll that closed while it was away) are in the feed.
  const feed = new ChannelFeed(discord);
  try {
    cast(discord);
    const config: Config = { ...settings, DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl };
    const bot = await startBot({ config, db, token: discord.token, logger: options.logger });
    const byScope = (admin: boolean) =>
      [...bot.commands.values()].filter((c) => (c.scope === "admin") === admin).map((c) => c.data.name);
    await discord.waitForCommands(byScope(false));
    await discord.waitForCommands(byScope(true), { guildId: ids.owners });
    return {
      discord,
      feed,
      bot,
      config,
      db,
      engine,
      async stop() {
        await bot.stop();
        feed.stop();
        await discord.stop();
        await (opened as DatabaseHandle | undefined)?.close();
      },
    };
  } catch (error) {
    feed.stop();
    await discord.stop();
    await (opened as DatabaseHandle | undefined)?.close();
    throw error;
  }
}

/** The fans' server (#general, #show-night) with a moderator role, and the owners' server (#admin). */
function cast(discord: LocalDiscord): void {
  const olive = discord.user({ id: ids.olive, username: "olive", globalName: "Olive" });
  for (const server of servers) {
    discord.addGuild({ id: server.id, name: server.name, owner: olive.id, channels: server.channels });
  }
  discord.addRole(ids.fans, {
    id: ids.moderatorRole,
    name: "Moderator",
    color: 0xeb459e,
    hoist: true,
    permissions: PermissionFlagsBits.ManageGuild | PermissionFlagsBits.ManageMessages,
  });
  discord.addRole(ids.owners, { id: ids.ownerRole, name: "Bot owner", color: 0xfaa61a, hoist: true });
  for (const member of members) {
    discord.user({ id: member.id, username: member.name.toLowerCase(), globalName: member.name });
    for (const guildId of member.guildIds) {
      const roles = member.id === ids.morgan ? [ids.moderatorRole] : guildId === ids.owners ? [ids.ownerRole] : [];
      discord.addMember(guildId, { user: member.id, roles });
    }
  }
}
