import { startBot } from "./bot.js";
import { ConfigError, loadConfig, requireToken } from "./config.js";
import { prepareDatabase } from "./db/prepare.js";
import { logger } from "./logger.js";

async function main(): Promise<void> {
  const config = loadConfig();
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

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    logger.fatal({ err: error }, "could not start");
  }
  process.exit(1);
});
