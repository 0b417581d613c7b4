/** Counting votes: per answer, with percentages that add up to 100 and a leader (or a tie). */

export interface TallyRow {
  position: number;
  label: string;
  votes: number;
  /** Whole percent, rounded so the column adds up to exactly 100 (largest remainder). */
  percent: number;
}

export interface Tally {
  rows: TallyRow[];
  total: number;
  /** Positions with the most votes; empty when nobody voted. */
  leaders: number[];
}

export function tally(
  options: readonly { position: number; label: string }[],
  counts: ReadonlyMap<number, number>,
): Tally {
  const votes = options.map((o) => counts.get(o.position) ?? 0);
  const total = votes.reduce((a, b) => a + b, 0);
  const percents = largestRemainder(votes, total);
  const rows = options.map((o, i) => ({
    position: o.position,
    label: o.label,
    votes: votes[i] ?? 0,
    percent: percents[i] ?? 0,
  }));
  const top = Math.max(0, ...votes);
  return { rows, total, leaders: top === 0 ? [] : rows.filter((r) => r.votes === top).map((r) => r.position) };
}

/** Whole percentages summing to 100: floor each share, then hand the leftover points to the largest remainders. */
export function largestRemainder(votes: readonly number[], total: number): number[] {
  if (total === 0) return votes.map(() => 0);
  const exact = votes.map((v) => (v * 100) / total);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}

/** A text bar for the live tally: `width` cells, filled in proportion. */
export function textBar(percent: number, width = 12): string {
  const filled = Math.round((Math.max(0, Math.min(100, percent)) / 100) * width);
  return "█".repeat(filled) + "░".repeat(width - filled);
}
