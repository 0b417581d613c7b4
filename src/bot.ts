import { Client, Events, GatewayIntentBits } from "discord.js";
import { LiveSync } from "./admin/live.js";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import { episodeCalendar } from "./discord/calendar.js";
import type { BotContext, Command } from "./discord/command.js";
import { directMessenger } from "./discord/directMessenger.js";
import { loadCommands } from "./discord/loadCommands.js";
import { channelMessenger } from "./discord/messenger.js";
import { interactionCreate } from "./events/interactionCreate.js";
import { ready } from "./events/ready.js";
import { JobRunner } from "./jobs/runner.js";
import { LeagueRuntime } from "./leagues/runtime.js";
import type { Logger } from "./logger.js";
import { buildIndexes } from "./lookups/indexes.js";
import { pollJobs } from "./polls/jobs.js";
import { PollService } from "./polls/service.js";
import { companionJobs } from "./reminders/jobs.js";

export interface Bot {
  client: Client<true>;
  ctx: BotContext;
  commands: Map<string, Command>;
  /** The background jobs (poll deadlines, weekly polls, live refresh, night posts); `runNow` for tools and tests. */
  jobs: JobRunner;
  stop(): Promise<void>;
}

/** Builds the context, wires the events and logs in; resolves once the bot is connected and its commands registered. */
export async function startBot(options: { config: Config; db: Database; token: string; logger: Logger }): Promise<Bot> {
  const { config, db, logger } = options;
  const commands = await loadCommands();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: config.DISCORD_API_URL } });
  const messenger = channelMessenger(client);
  const polls = new PollService(db, messenger, logger);
  const indexes = await buildIndexes(db);
  const live = new LiveSync(db, indexes, messenger, logger);
  const leagues = new LeagueRuntime(db, messenger, logger);
  const companion = companionJobs(
    db,
    { dms: directMessenger(client), messenger, calendar: episodeCalendar(client) },
    logger,
  );
  const jobs = new JobRunner([...pollJobs(db, polls, logger), ...live.jobs(), ...leagues.jobs(), ...companion], logger);
  const ctx: BotContext = { db, config, logger, polls, live, leagues, ...indexes };

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

  await client.login(options.token);
  await connected;
  await live.start();
  jobs.start();
  return {
    client: client as Client<true>,
    ctx,
    commands,
    jobs,
    async stop() {
      // Poll deadlines and tally edits stop before the connection does, so none is left half done.
      await jobs.stop();
      await leagues.stop();
      await polls.stop();
      await client.destroy();
    },
  };
}
