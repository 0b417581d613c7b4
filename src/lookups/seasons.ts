import type { Database } from "../db/client.js";
import { listSeasonNumbers } from "../db/queries/seasons.js";
import { UserError } from "../errors.js";
import { describeRange } from "./ranges.js";

export interface ResolvedSeason {
  /** The season asked for, or the latest when none was. */
  number: number;
  /** Every season's number in order, for navigation and "try a season from…". */
  seasonNumbers: number[];
}

/** The season a lookup is about: the one asked for if it is recorded, else a sentence naming the recorded ones. */
export async function resolveSeason(db: Database, season: number | null | undefined): Promise<ResolvedSeason> {
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
