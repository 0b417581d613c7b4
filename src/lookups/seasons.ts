import type { Database } from "../db/client.js";
import { listSeasonNumbers } from "../db/queries/seasons.js";
import { UserError } from "../errors.js";
import { remembered } from "../seasons/store.js";
import { describeRange } from "./ranges.js";

export interface ResolvedSeason {
  /** The season asked for, or the latest when none was. */
  number: number;
  /** Every season's number in order, for navigation and "try a season from…". */
  seasonNumbers: number[];
}

/** The season a lookup is about: the one asked for if it is recorded, else a sentence naming the recorded ones. */
async function resolveSeasonNow(db: Database, season: number | null | undefined): Promise<ResolvedSeason> {
  const seasonNumbers = await listSeasonNumbers(db);
  const latest = seasonNumbers.at(-1);
  if (latest === undefined) {
    throw new UserError("No seasons are loaded yet: ask the bot owner to run `npm run db:seed`.");
  }
  if (season == null) return { number: latest, seasonNumbers };
  if (!seasonNumbers.includes(season)) {
    throw new UserError(
      `There is no season ${season} in the records. Try a season from ${describeRange(seasonNumbers)}.`,
    );
  }
  return { number: season, seasonNumbers };
}

/** The week a season opens on: its latest week that aired (a season on the air has later weeks announced or scheduled). */
export function defaultWeek(weeks: readonly { number: number; status?: string | null }[]): number | undefined {
  return weeks.filter((w) => !w.status).at(-1)?.number ?? weeks.at(-1)?.number;
}

/** Answered from memory after the first time (src/seasons/store.ts); unknown seasons are asked again. */
export const resolveSeason = remembered("resolveSeason", resolveSeasonNow);
