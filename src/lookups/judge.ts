import type { Database } from "../db/client.js";
import { type JudgeMarkRow, listJudgedWeeks, listJudgeMarks } from "../db/queries/judge.js";
import { findPerson } from "../db/queries/people.js";
import { UserError } from "../errors.js";
import { remembered } from "../seasons/store.js";

export interface MarkTally {
  marks: number;
  average: number | null;
  tens: number;
  /** Mean of (this judge's mark minus the rest of the panel's mean) over dances others also scored. */
  versusPanel: number | null;
  /** The rest of the panel's mean mark on those same dances. */
  panelAverage: number | null;
}

export interface JudgeSeason extends MarkTally {
  season: number;
  /** A regular on the panel that season, or a guest for some weeks. */
  role: "panel" | "guest";
  weeks: number;
}

export interface JudgeRecord extends MarkTally {
  personId: number;
  name: string;
  seasons: JudgeSeason[];
}

export function tallyMarks(rows: readonly JudgeMarkRow[]): MarkTally {
  let total = 0;
  let tens = 0;
  let diff = 0;
  let others = 0;
  let compared = 0;
  for (const r of rows) {
    total += r.score;
    if (r.score === 10) tens += 1;
    if (r.othersCount > 0) {
      const mean = r.othersTotal / r.othersCount;
      diff += r.score - mean;
      others += mean;
      compared += 1;
    }
  }
  return {
    marks: rows.length,
    average: rows.length ? total / rows.length : null,
    tens,
    versusPanel: compared ? diff / compared : null,
    panelAverage: compared ? others / compared : null,
  };
}

async function getJudgeRecordNow(db: Database, personId: number): Promise<JudgeRecord> {
  const [person, weeks, marks] = await Promise.all([
    findPerson(db, personId),
    listJudgedWeeks(db, personId),
    listJudgeMarks(db, personId),
  ]);
  if (!person || (weeks.length === 0 && marks.length === 0)) {
    throw new UserError("That judge is no longer in the records; search for them again.");
  }
  const seasonNumbers = [...new Set([...weeks.map((w) => w.season), ...marks.map((m) => m.season)])].sort(
    (a, b) => a - b,
  );
  const seasons = seasonNumbers.map((season): JudgeSeason => {
    const sat = weeks.filter((w) => w.season === season);
    return {
      season,
      role: sat.length > 0 && sat.every((w) => w.isGuest) ? "guest" : "panel",
      weeks: new Set(sat.map((w) => w.week)).size,
      ...tallyMarks(marks.filter((m) => m.season === season)),
    };
  });
  return { personId, name: person.name, seasons, ...tallyMarks(marks) };
}

/** Answered from memory after the first time (src/seasons/store.ts). */
export const getJudgeRecord = remembered("judge", getJudgeRecordNow);
