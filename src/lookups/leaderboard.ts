import type { Database } from "../db/client.js";
import { seasonWeeks } from "../db/queries/seasons.js";
import type { CoupleRef, Performance, WeekSheet } from "../db/queries/weekSheet.js";
import { loadWeekSheet, weekIdsByNumber } from "../db/queries/weekSheet.js";
import { UserError } from "../errors.js";
import { seasonStore } from "../seasons/store.js";
import { carryOverMaxima, carryOverPoints, type Standing, weekStandings } from "../standings/standings.js";
import { describeRange } from "./ranges.js";
import { defaultWeek, resolveSeason } from "./seasons.js";

export interface Leaderboard {
  sheet: WeekSheet;
  standings: Standing[];
  /** Week numbers of the season in order, for previous/next navigation. */
  weekNumbers: number[];
  /** Every season's number in order, for the season buttons. */
  seasonNumbers: number[];
  /** Dances named before the show and not scored yet (a season on the air), with their couples. */
  announced: { performance: Performance; couples: CoupleRef[] }[];
}

async function leaderboardNow(
  db: Database,
  request: { season?: number | null; week?: number | null },
): Promise<Leaderboard> {
  const { number: season, seasonNumbers } = await resolveSeason(db, request.season);
  const index = await seasonWeeks(db, season);
  if (!index || index.weeks.length === 0) throw new UserError(`Season ${season} has no weeks recorded yet.`);
  const weekNumbers = [...new Set(index.weeks.map((w) => w.number))];
  const number = request.week ?? defaultWeek(index.weeks);
  const week = index.weeks.find((w) => w.number === number);
  if (!week) {
    throw new UserError(`Season ${season} has no week ${number}. Try a week from ${describeRange(weekNumbers)}.`);
  }
  const sheet = await loadWeekSheet(db, week.id);
  if (!sheet) throw new UserError(`Season ${season} week ${number} could not be found; try again.`);
  let carried = new Map<number, number>();
  let carriedMax = new Map<number, number>();
  if (sheet.carryOverFrom.length > 0) {
    const ids = await weekIdsByNumber(db, index.seasonId, sheet.carryOverFrom);
    const earlier = (await Promise.all(ids.map((id) => loadWeekSheet(db, id)))).filter(
      (s): s is WeekSheet => s !== null,
    );
    carried = carryOverPoints(earlier);
    carriedMax = carryOverMaxima(earlier);
  }
  const byId = new Map(sheet.couples.map((c) => [c.id, c]));
  const announced = sheet.performances
    .filter((p) => p.status === "announced")
    .map((performance) => ({
      performance,
      couples: performance.coupleIds.map((id) => byId.get(id)).filter((c): c is CoupleRef => c !== undefined),
    }));
  return { sheet, standings: weekStandings(sheet, carried, carriedMax), weekNumbers, seasonNumbers, announced };
}

/** Answered from memory after the first time (src/seasons/store.ts). */
export function getLeaderboard(
  db: Database,
  request: { season?: number | null; week?: number | null },
): Promise<Leaderboard> {
  const key = `leaderboard:${request.season ?? null}:${request.week ?? null}`;
  return seasonStore(db).remember(key, () => leaderboardNow(db, request));
}
