import { type DatabaseHandle, type DatabaseOptions, openDatabase } from "../db/client.js";
import { withAdvisoryLock } from "../db/queries/locks.js";
import type { Logger } from "../logger.js";
import { isEmpty, seedSeasons } from "./seasons.js";

/** Opens the database, applies the migrations, and loads data/ on first start when the database is empty. */
export async function prepareDatabase(options: DatabaseOptions, logger: Logger): Promise<DatabaseHandle> {
  const handle = await openDatabase(options);
  const prepare = async () => {
    await handle.migrate();
    if (await isEmpty(handle.db)) {
      const report = await seedSeasons(handle.db);
      logger.info({ seasons: report.loaded.length, live: report.live }, "empty database: loaded data/");
    }
  };
  // Several processes starting on one PostgreSQL: one migrates and seeds, the others wait and then find it done. (The
  // lock's transaction only holds the lock; the embedded database is one process and one connection, so no lock.)
  if (handle.kind === "postgres") await withAdvisoryLock(handle.db, "mirrorball:prepare-database", prepare);
  else await prepare();
  logger.info({ database: handle.kind }, "database ready");
  return handle;
}
