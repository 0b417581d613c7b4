import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";
import { seedSeasons } from "../../src/seed/seasons.js";

/**
 * The playground runs the embedded database (its fast-forward moves the clock PGlite reads; a PostgreSQL server's
 * cannot be moved), so its suites use an in-memory PGlite with every season whichever engine the run is for: the
 * seeded dump when the run made one, else loaded from data/.
 */
export async function playgroundDatabase(): Promise<DatabaseHandle> {
  const dumpFile = inject("seededPgliteDump");
  const pgliteDump = dumpFile ? new Blob([await readFile(dumpFile)]) : undefined;
  const handle = await openDatabase({ pgliteDir: "memory://", pgliteDump });
  await handle.migrate();
  if (!dumpFile) await seedSeasons(handle.db);
  return handle;
}
