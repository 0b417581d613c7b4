import type { Database } from "../db/client.js";
import { loadSeasonOverview } from "../db/queries/season.js";
import { UserError } from "../errors.js";
import { remembered } from "../seasons/store.js";
import { resolveSeason } from "./seasons.js";

export interface CastMember {
  id: number;
  celebrity: string;
  pro: string;
  notability: string | null;
  placement: number | null;
  result: string;
  exitWeek: number | null;
  withdrew: boolean;
}

export interface SeasonOverview {
  number: number;
  premiere: string | null;
  finale: string | null;
  trophy: string;
  hosts: string[];
  judges: string[];
  /** Winner first, then by placement; couples with no recorded placement last. */
  cast: CastMember[];
  winners: CastMember[];
  weekCount: number;
  noEliminationWeeks: number[];
  /** Every season in the records, for previous/next navigation. */
  seasonNumbers: number[];
}

/** The trophy's name when the season file does not say: renamed for Len Goodman from season 32 on. */
export function trophyName(season: number, recorded: string | null): string {
  return recorded ?? (season >= 32 ? "Len Goodman Mirrorball Trophy" : "Mirrorball Trophy");
}

export function castOrder(a: CastMember, b: CastMember): number {
  return (
    (a.placement ?? 99) - (b.placement ?? 99) ||
    (b.exitWeek ?? 99) - (a.exitWeek ?? 99) ||
    a.celebrity.localeCompare(b.celebrity)
  );
}

async function getSeasonOverviewNow(db: Database, season: number | null): Promise<SeasonOverview> {
  const { number, seasonNumbers } = await resolveSeason(db, season);
  const row = await loadSeasonOverview(db, number);
  if (!row) throw new UserError(`Season ${number} could not be found; try again.`);
  const cast = [...row.cast].sort(castOrder);
  const weekNumbers = new Set(row.weeks.map((w) => w.number));
  return {
    number: row.number,
    premiere: row.premiere,
    finale: row.finale,
    trophy: trophyName(row.number, row.trophy),
    hosts: row.hosts,
    judges: row.judges,
    cast,
    winners: cast.filter((c) => c.placement === 1),
    weekCount: weekNumbers.size,
    noEliminationWeeks: [...new Set(row.weeks.filter((w) => w.noElimination).map((w) => w.number))].sort(
      (a, b) => a - b,
    ),
    seasonNumbers,
  };
}

/** Answered from memory after the first time (src/seasons/store.ts). */
export const getSeasonOverview = remembered("season", getSeasonOverviewNow);
