import type { Database } from "../db/client.js";
import { listScoredDances } from "../db/queries/dances.js";
import { UserError } from "../errors.js";
import { remembered } from "../seasons/store.js";
import {
  byBest,
  byWorst,
  type CoupleTally,
  isCoupleDance,
  type ScoredDance,
  tallyCouples,
  toDances,
} from "./scores.js";
import { resolveSeason } from "./seasons.js";

export interface Records {
  season: number | null;
  highest: ScoredDance[];
  lowest: ScoredDance[];
  /** Couples with the most perfect scores (every judge a 10). */
  mostPerfect: CoupleTally[];
  /** Couples with the best average mark per judge, over at least `minDances` scored dances. */
  bestAverages: CoupleTally[];
  minDances: number;
  /** Scored dances the records were drawn from. */
  dances: number;
}

/** Pure: the records of a set of scored dances, `count` per list. */
export function computeRecords(rows: Parameters<typeof toDances>[0], season: number | null, count = 10): Records {
  const dances = toDances(rows);
  const own = dances.filter(isCoupleDance);
  // A couple out in week 1 with one good dance is not a "best average": ask for a run of dances.
  const minDances = season ? 3 : 5;
  const couples = tallyCouples(rows);
  return {
    season,
    highest: [...own].sort(byBest).slice(0, count),
    lowest: [...own].sort(byWorst).slice(0, count),
    mostPerfect: couples
      .filter((c) => c.perfect > 0)
      .sort((a, b) => b.perfect - a.perfect || b.average - a.average)
      .slice(0, count),
    bestAverages: couples
      .filter((c) => c.dances >= minDances)
      .sort((a, b) => b.average - a.average || b.dances - a.dances)
      .slice(0, count),
    minDances,
    dances: dances.length,
  };
}

async function getRecordsNow(db: Database, season: number | null): Promise<Records> {
  if (season !== null) await resolveSeason(db, season);
  const records = computeRecords(await listScoredDances(db, { season }), season);
  if (records.dances === 0) {
    throw new UserError(
      season
        ? `Season ${season} has no dance-by-dance scores recorded, only weekly figures. Try another season.`
        : "No scores are recorded yet.",
    );
  }
  return records;
}

/** Answered from memory after the first time (src/seasons/store.ts). */
export const getRecords = remembered("records", getRecordsNow);
