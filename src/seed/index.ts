import type { Database } from "../db/client.js";
import { resolveSeededSeasons } from "../polls/resolve.js";
import { forgetSeasons } from "../seasons/store.js";
import { type SeedOptions, type SeedReport, seedSeasons } from "./seasons.js";

/**
 * Loads season files (data/, or an owner's document), forgets this process's remembered lookups when a season
 * changed, and then scores, or re-scores, the closed prediction polls about the seasons that changed: a result
 * recorded anywhere reaches the lookups and the prediction leaderboard.
 */
export async function seedAndScore(db: Database, options: SeedOptions = {}): Promise<SeedReport> {
  const report = await seedSeasons(db, options);
  if (report.loaded.length > 0) forgetSeasons(db);
  await resolveSeededSeasons(db, report.loaded);
  return report;
}
