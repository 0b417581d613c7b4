import { pathToFileURL } from "node:url";
import { startBot } from "./bot.js";
import { type Config, ConfigError, loadConfig, requireToken } from "./config.js";
import { logger } from "./logger.js";
import { prepareDatabase } from "./seed/prepare.js";

/** Connects to Discord with the token: database, then bot, until SIGINT or SIGTERM. */
export async function main(config: Config = loadConfig()): Promise<void> {
  const token = requireToken(config);
  const database = await prepareDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR }, logger);
  const bot = await startBot({ config, db: database.db, token, logger });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      // A second signal while draining: the operator means now.
      logger.warn({ signal }, "second signal while stopping: exiting now");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "shutting down");
    const step = { now: "answering the interactions in flight and stopping the jobs and shards" };
    // Whatever the database and Discord do, the process is gone within stopWithinMs; what could not finish is named.
    const deadline = setTimeout(() => {
      logger.error({ gaveUp: step.now }, `could not stop within ${stopWithinMs / 1000} s; gave up ${step.now}`);
      process.exit(1);
    }, stopWithinMs);
    deadline.unref();
    await bot.stop().catch((error: unknown) => logger.warn({ err: error }, "stopping the bot failed"));
    step.now = "closing the database connections";
    await database.close().catch((error: unknown) => logger.warn({ err: error }, "closing the database failed"));
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

/** How long a stop may take, database or Discord gone or not: under the 10 s an orchestrator usually allows. */
export const stopWithinMs = 8_000;

/** A bad environment is one line on stderr; anything else is logged in full. Either way the process ends. */
export function exitOnStartError(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.fatal({ err: error }, "could not start");
  }
  process.exit(1);
}

// Run directly (`tsx src/index.ts`), this file starts the bot; imported (by `npm start`'s launcher) it only exports.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main().catch(exitOnStartError);
