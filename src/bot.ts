import { Client, Events, GatewayIntentBits } from "discord.js";
import { LiveSync } from "./admin/live.js";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import type { BotContext, Command } from "./discord/command.js";
import { loadCommands } from "./discord/loadCommands.js";
import { channelMessenger } from "./discord/messenger.js";
import { interactionCreate } from "./events/interactionCreate.js";
import { ready } from "./events/ready.js";
import { type InteractionsServer, serveInteractions } from "./http/server.js";
import { loginWithoutGateway } from "./http/worker.js";
import { JobRunner } from "./jobs/runner.js";
import type { Logger } from "./logger.js";
import { buildIndexes } from "./lookups/indexes.js";
import { pollJobs } from "./polls/jobs.js";
import { PollService } from "./polls/service.js";

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

/** Builds the context, wires the events and logs in; resolves once the bot is connected and its commands registered. */
export async function startBot(options: { config: Config; db: Database; token: string; logger: Logger }): Promise<Bot> {
  const { config, db, logger } = options;
  const commands = await loadCommands();
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: config.DISCORD_API_URL } });
  const messenger = channelMessenger(client);
  const polls = new PollService(db, messenger, logger);
  const indexes = await buildIndexes(db);
  const live = new LiveSync(db, indexes, messenger, logger);
  const jobs = new JobRunner([...pollJobs(db, polls, logger), ...live.jobs()], logger);
  const ctx: BotContext = { db, config, logger, polls, live, ...indexes };

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
      await jobs.stop();
      await polls.stop();
      await client.destroy();
    },
  };
}
