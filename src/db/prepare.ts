import type { Logger } from "../logger.js";
import { type DatabaseHandle, type DatabaseOptions, openDatabase } from "./client.js";
import { isEmpty, seedSeasons } from "./seed.js";

/** Opens the database, applies the migrations, and loads data/ on first start when the database is empty. */
export async function prepareDatabase(options: DatabaseOptions, logger: Logger): Promise<DatabaseHandle> {
  const handle = await openDatabase(options);
  await handle.migrate();
  if (await isEmpty(handle.db)) {
    const report = await seedSeasons(handle.db);
    logger.info({ seasons: report.loaded.length, live: report.live }, "empty database: loaded data/");
  }
  logger.info({ database: handle.kind }, "database ready");
  return handle;
}
