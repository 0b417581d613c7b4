import { ConfigError, loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { logger } from "../logger.js";

/** `npm run db:migrate`: applies the migrations in drizzle/ to the configured database. */
const config = loadConfig();
const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
try {
  await database.migrate();
  logger.info({ database: database.kind }, "migrations applied");
} catch (error) {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else logger.fatal({ err: error }, "migration failed");
  process.exitCode = 1;
} finally {
  await database.close();
}
