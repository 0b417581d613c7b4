import { Client, type ClientOptions, Events, GatewayIntentBits, Options } from "discord.js";
import { LiveSync } from "./admin/live.js";
import { feedBoard } from "./commands/admin/feedBoard.js";
import { nightPoster } from "./commands/leaderboard/nightPost.js";
import { leagueBoard } from "./commands/league/board.js";
import { pollBoard } from "./commands/poll/board.js";
import { reminderDms, rolePinger } from "./commands/remind/delivery.js";
import type { Config } from "./config.js";
import type { BotContext } from "./context.js";
import type { Database } from "./db/client.js";
import { jobsChannel, listen } from "./db/notify.js";
import { episodeCalendar } from "./discord/calendar.js";
import type { Command } from "./discord/command.js";
import { directMessenger } from "./discord/directMessenger.js";
import { loadCommands } from "./discord/loadCommands.js";
import { channelMessenger } from "./discord/messenger.js";
import { interactionCreate } from "./events/interactionCreate.js";
import { ready } from "./events/ready.js";
import { SeasonFeed } from "./feed/job.js";
import { MediaWikiClient, userAgent } from "./feed/mediawiki.js";
import { type InteractionsServer, serveInteractions } from "./http/server.js";
import { loginWithoutGateway } from "./http/worker.js";
import { JobRunner, safetyNetMs } from "./jobs/runner.js";
import { LeagueRuntime } from "./leagues/runtime.js";
import type { Logger } from "./logger.js";
import { buildIndexes } from "./lookups/indexes.js";
import { packageVersion } from "./paths.js";
import { pollJobs } from "./polls/jobs.js";
import { PollService } from "./polls/service.js";
import { companionJobs } from "./reminders/jobs.js";
import type { Messenger } from "./views/view.js";

export interface Bot {
  client: Client<true>;
  ctx: BotContext;
  commands: Map<string, Command>;
  /** The background jobs (poll deadlines, weekly polls, live refresh, night posts); `runNow` for tools and tests. */
  jobs: JobRunner;
  /** The HTTP interactions endpoint, when INTERACTIONS_PORT is set. */
  interactions: InteractionsServer | undefined;
  stop(): Promise<void>;
}

/**
 * The client keeps only what the bot reads: guilds, their channels and roles (discord.js needs those three, and the
 * poll role check reads roles), the bot's own user and member. Everything about people and messages comes in the
 * interaction payload, so members, users, messages, presences, reactions, emojis, stickers, threads, voice states,
 * invites, bans and events are not kept at all. Shards: all in this process (SHARD_COUNT), so a single process still
 * owns the embedded database and runs the timers once.
 */
export function clientOptions(config: Pick<Config, "DISCORD_API_URL" | "SHARD_COUNT">): ClientOptions {
  const none = 0;
  const selfOnly = {
    maxSize: 0,
    keepOverLimit: (item: { id: string; client: { user: { id: string } | null } }) => item.id === item.client.user?.id,
  };
  return {
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.DISCORD_API_URL },
    ...(config.SHARD_COUNT === "auto"
      ? { shards: "auto" as const }
      : { shards: [...Array(config.SHARD_COUNT).keys()], shardCount: config.SHARD_COUNT }),
    makeCache: Options.cacheWithLimits({
      ApplicationCommandManager: none,
      ApplicationEmojiManager: none,
      AutoModerationRuleManager: none,
      BaseGuildEmojiManager: none,
      DMMessageManager: none,
      EntitlementManager: none,
      GuildBanManager: none,
      GuildEmojiManager: none,
      GuildForumThreadManager: none,
      GuildInviteManager: none,
      GuildMemberManager: selfOnly,
      GuildMessageManager: none,
      GuildScheduledEventManager: none,
      GuildStickerManager: none,
      GuildTextThreadManager: none,
      MessageManager: none,
      PresenceManager: none,
      ReactionManager: none,
      ReactionUserManager: none,
      StageInstanceManager: none,
      ThreadManager: none,
      ThreadMemberManager: none,
      UserManager: selfOnly,
      VoiceStateManager: none,
    }),
    // Nothing above grows, so nothing needs sweeping; the default thread sweep has no threads to look at.
    sweepers: {},
  };
}

/**
 * The season feed, when it is on and has somewhere to go: `review` needs the owners' channel (ADMIN_CHANNEL_ID),
 * `auto` applies by itself (and still posts what it holds, when there is a channel).
 */
function seasonFeed(
  config: Config,
  db: Database,
  edges: { messenger: Messenger; live: LiveSync; logger: Logger },
): SeasonFeed | undefined {
  if (config.LIVE_FEED === "off") return undefined;
  if (config.LIVE_UPDATES === "review" && !config.ADMIN_CHANNEL_ID) {
    edges.logger.info("season feed off: set ADMIN_CHANNEL_ID (the owners' channel) to review Wikipedia's changes");
    return undefined;
  }
  const client = new MediaWikiClient({
    apiUrl: config.WIKIPEDIA_API_URL,
    userAgent: userAgent(packageVersion(), config.WIKIPEDIA_CONTACT),
    timeoutMs: config.WIKIPEDIA_TIMEOUT_MS,
  });
  return new SeasonFeed(db, client, feedBoard(edges.messenger, config.ADMIN_CHANNEL_ID), edges.live, edges.logger, {
    mode: config.LIVE_UPDATES,
    apiUrl: config.WIKIPEDIA_API_URL,
    titles: config.WIKIPEDIA_TITLES,
  });
}

/** Builds the context, wires the events and logs in; resolves once the bot is connected and its commands registered. */
export async function startBot(options: { config: Config; db: Database; token: string; logger: Logger }): Promise<Bot> {
  const { config, db, logger } = options;
  const commands = await loadCommands();
  const client = new Client(clientOptions(config));
  const messenger = channelMessenger(client);
  const polls = new PollService(db, pollBoard(messenger), logger);
  const indexes = await buildIndexes(db);
  const live = new LiveSync(db, indexes, nightPoster(messenger), logger);
  const leagues = new LeagueRuntime(db, leagueBoard(messenger), logger);
  const companion = companionJobs(
    db,
    { dms: reminderDms(directMessenger(client)), pingRole: rolePinger(messenger), calendar: episodeCalendar(client) },
    logger,
  );
  const feed = seasonFeed(config, db, { messenger, live, logger });
  const jobs = new JobRunner(
    [...pollJobs(db, polls, logger), ...live.jobs(), ...leagues.jobs(), ...companion, ...(feed ? [feed.job()] : [])],
    logger,
  );
  const ctx: BotContext = { db, config, logger, polls, live, leagues, feed, ...indexes };

  const onReady = ready(commands, ctx);
  const connected = new Promise<void>((resolve) => {
    client.once(Events.ClientReady, async (c) => {
      await onReady.execute(c);
      resolve();
    });
  });
  const onInteraction = interactionCreate(commands, ctx);
  client.on(onInteraction.name, (interaction) => void onInteraction.execute(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, "discord client error"));

  if (config.GATEWAY === "on") {
    await client.login(options.token);
    await connected;
  } else {
    // An HTTP-only worker: REST with the token, no gateway; the same ready work (command registration).
    await loginWithoutGateway(client, options.token);
    await onReady.execute(client as Client<true>);
  }
  await live.start();
  jobs.start();
  // The database's triggers wake a job when its next work comes closer, whichever process made the change; after a
  // (re)connection every job runs once, since notifications may have been missed meanwhile.
  const unlistenJobs = await listen(
    db,
    jobsChannel,
    (topic) => jobs.wake(topic),
    () => jobs.wake(),
  ).catch((error: unknown) => {
    logger.warn(
      { err: error },
      `no job wake-ups from the database; background jobs look for work every ${safetyNetMs / 1000} s`,
    );
    return undefined;
  });
  // Last, so a load balancer's first request finds the indexes built and the commands registered.
  const interactions =
    config.INTERACTIONS_PORT === undefined || !config.DISCORD_PUBLIC_KEY
      ? undefined
      : await serveInteractions({
          client,
          port: config.INTERACTIONS_PORT,
          publicKey: config.DISCORD_PUBLIC_KEY,
          logger,
        });
  return {
    client: client as Client<true>,
    ctx,
    commands,
    jobs,
    interactions,
    async stop() {
      // Interactions in flight are answered first; then nothing new arrives while the rest stops.
      await interactions?.close();
      // Poll deadlines and tally edits stop before the connection does, so none is left half done.
      await unlistenJobs?.().catch(() => {});
      await jobs.stop();
      await live.stop();
      await leagues.stop();
      await polls.stop();
      await client.destroy();
    },
  };
}
