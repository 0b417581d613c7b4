import type { Database } from "../db/client.js";
import { coupleWeekIds, findCouple } from "../db/queries/couples.js";
import type { Performance, WeekSheet } from "../db/queries/weekSheet.js";
import { loadWeekSheet } from "../db/queries/weekSheet.js";
import { UserError } from "../errors.js";
import { remembered } from "../seasons/store.js";
import { type Standing, weekStandings } from "../standings/standings.js";

export type CoupleFacts = NonNullable<Awaited<ReturnType<typeof findCouple>>>;

export interface CoupleWeek {
  sheet: WeekSheet;
  standing: Standing;
  /** How many couples the week ranked. */
  field: number;
}

export interface CoupleCard {
  couple: CoupleFacts;
  weeks: CoupleWeek[];
  /** Dances announced for a week not aired yet (a season on the air): named, not scored. */
  announced: { sheet: WeekSheet; performance: Performance }[];
  /** Mean of every judge's score over the couple's scored dances (out of 10), and how many dances that covers. */
  average: { perJudge: number; dances: number } | null;
}

/** The per-judge average over the dances a couple was scored on; team dances count too. */
export function averageScore(weeks: readonly CoupleWeek[]): CoupleCard["average"] {
  let total = 0;
  let count = 0;
  let dances = 0;
  for (const w of weeks) {
    for (const d of w.standing.dances) {
      const given = d.performance.scores.filter((s): s is number => s !== null);
      if (given.length === 0) continue;
      total += given.reduce((a, b) => a + b, 0);
      count += given.length;
      dances += 1;
    }
  }
  return count === 0 ? null : { perJudge: total / count, dances };
}

async function getCoupleCardNow(db: Database, coupleId: number): Promise<CoupleCard> {
  const couple = await findCouple(db, coupleId);
  if (!couple) throw new UserError("That couple is no longer in the records; search for them again.");
  const sheets = await Promise.all((await coupleWeekIds(db, coupleId)).map((id) => loadWeekSheet(db, id)));
  const weeks: CoupleWeek[] = [];
  const announced: CoupleCard["announced"] = [];
  for (const sheet of sheets) {
    if (!sheet) continue;
    const standings = weekStandings(sheet);
    const standing = standings.find((s) => s.couple.id === coupleId);
    if (standing) weeks.push({ sheet, standing, field: standings.length });
    for (const performance of sheet.performances)
      if (performance.status === "announced" && performance.coupleIds.includes(coupleId))
        announced.push({ sheet, performance });
  }
  return { couple, weeks, announced, average: averageScore(weeks) };
}

/**
 * One point of a couple's chart: their average judge's mark that week (out of 10) and the mean of every couple's.
 * A total's maximum jumps from week to week (20 with two judges, 80 for two dances of four); the mark per judge does not.
 */
export interface WeekPoint {
  /** "W3", or "W9 Night 2" for a week of several nights. */
  key: string;
  week: number;
  /** The judges' total (bonus points left out) and its maximum. */
  total: number;
  max: number;
  /** The average judge's mark, out of 10: total / (max / 10). */
  mark: number;
  /** The mean of every scored couple's average mark that week. */
  seasonAverage: number | null;
}

/** Marks out of 10: the judges' total over the number of marks it adds up. */
export function averageMark(total: number, max: number): number {
  return max > 0 ? (total / max) * 10 : 0;
}

/** The couple's average judge's mark week by week (bonus points left out), next to the season's mean for that week. */
export function weeklyPoints(card: CoupleCard): WeekPoint[] {
  return card.weeks
    .filter((w) => w.standing.judgesMax > 0)
    .map((w) => {
      const scored = weekStandings(w.sheet).filter((s) => s.judgesMax > 0);
      const mean = scored.length
        ? scored.reduce((a, s) => a + averageMark(s.judgesTotal, s.judgesMax), 0) / scored.length
        : null;
      return {
        key: `W${w.sheet.week}${w.sheet.label ? ` ${w.sheet.label}` : ""}`,
        week: w.sheet.week,
        total: w.standing.judgesTotal,
        max: w.standing.judgesMax,
        mark: averageMark(w.standing.judgesTotal, w.standing.judgesMax),
        seasonAverage: mean,
      };
    });
}

/** Answered from memory after the first time (src/seasons/store.ts). */
export const getCoupleCard = remembered("couple", getCoupleCardNow);
