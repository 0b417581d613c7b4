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
  const shutdown = async (signal: string) => {
    logger.info({ signal }, "shutting down");
    await bot.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

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
