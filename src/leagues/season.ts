/** Which weeks of a season can be scored, from what the records say about how each week ended. */

export interface WeekEnd {
  number: number;
  isFinale: boolean;
  noElimination: boolean;
}

/**
 * The last week of a live season whose results are recorded, counting up from week 1 without a gap: a week ends with
 * an elimination or withdrawal, a week marked no-elimination, or a finale once its winner is recorded.
 */
export function lastCompleteWeek(
  weeks: readonly WeekEnd[],
  exitWeeks: ReadonlySet<number>,
  winnerRecorded: boolean,
): number {
  const numbers = [...new Set(weeks.map((w) => w.number))].sort((a, b) => a - b);
  let last = 0;
  for (const n of numbers) {
    const parts = weeks.filter((w) => w.number === n);
    const ended =
      exitWeeks.has(n) || parts.some((w) => w.noElimination) || (parts.some((w) => w.isFinale) && winnerRecorded);
    if (!ended) break;
    last = n;
  }
  return last;
}

export interface ProRecord {
  seasons: number;
  titles: number;
  averagePlacement: number | null;
}

/** A pro's record from their placements in earlier seasons. */
export function proRecord(placements: readonly (number | null)[]): ProRecord {
  const placed = placements.filter((p): p is number => p !== null);
  return {
    seasons: placements.length,
    titles: placed.filter((p) => p === 1).length,
    averagePlacement: placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : null,
  };
}
