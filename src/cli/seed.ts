import { announceChange } from "../admin/live.js";
import { loadConfig } from "../config.js";
import { SeasonFileError } from "../data/loadSeasonFiles.js";
import { openDatabase } from "../db/client.js";
import { logger } from "../logger.js";
import { seedAndScore } from "../seed/index.js";

/**
 * `npm run db:seed [-- --force]`: validates every file in data/seasons and loads the ones that changed, except seasons
 * the bot owners run from Discord (their live document is the record).
 */
const config = loadConfig();
const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
try {
  await database.migrate();
  const report = await seedAndScore(database.db, { force: process.argv.includes("--force") });
  // A running bot (PostgreSQL) remembers season data: tell it, and every other process, to forget it.
  if (report.loaded.length > 0) await announceChange(database.db);
  // Seasons the owners run are named, so nobody wonders why an edited file in data/ did not load.
  logger.info(
    { loaded: report.loaded, unchanged: report.unchanged.length, live: report.live, database: database.kind },
    report.live.length > 0 ? "seeded; seasons run from Discord left alone (export them with /admin export)" : "seeded",
  );
} catch (error) {
  if (error instanceof SeasonFileError) process.stderr.write(`Cannot load ${error.message}\n`);
  else logger.fatal({ err: error }, "seeding failed");
  process.exitCode = 1;
} finally {
  await database.close();
}
