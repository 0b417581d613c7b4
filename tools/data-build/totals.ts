/**
 * Judges' totals from a season file, the way the show adds them up for standings:
 * a couple's week total is the sum of every judge score of every dance it danced (team dances count for each member,
 * extra scores such as "America's Score" included), plus the bonus points it won that week. Where the couple-week is
 * known only as MCM weekly figures, the total is the sum of those figures times the number of dances (when known).
 */
import type { SeasonFile, SeasonFileWeek } from "../../src/data/seasonFile.js";

export function coupleWeekTotal(week: SeasonFileWeek, couple: string): number | null {
  const weekly = week.weeklyScores?.find((w) => w.couple === couple);
  if (weekly) {
    if (!weekly.dances) return null;
    return round(weekly.scores.reduce<number>((a, b) => a + (b ?? 0), 0) * weekly.dances);
  }
  let total = 0;
  let any = false;
  for (const p of week.performances) {
    if (p.couples.includes(couple)) {
      if (p.scores) {
        total += p.scores.reduce<number>((a, b) => a + (b ?? 0), 0);
        any = true;
      }
      for (const x of p.extraScores ?? []) total += x.score ?? 0;
      if (!p.scores && p.total !== undefined) {
        total += p.total;
        any = true;
      }
    }
    for (const b of p.bonus ?? [])
      if (b.couple === couple) {
        total += b.points;
        any = true;
      }
  }
  for (const b of week.bonus ?? [])
    if (b.couple === couple) {
      total += b.points;
      any = true;
    }
  return any ? round(total) : null;
}

/** The finale standings' judges' totals: the finale week plus the weeks it carries over (`carryOverFrom`). */
export function finaleTotals(file: SeasonFile): Map<string, number | null> {
  const finale = file.weeks.find((w) => w.isFinale);
  const out = new Map<string, number | null>();
  if (!finale) return out;
  const weeks = [...(finale.carryOverFrom ?? []), finale.week]
    .map((n) => file.weeks.find((w) => w.week === n && !w.label))
    .filter((w): w is SeasonFileWeek => w !== undefined);
  for (const c of file.couples) {
    if (c.exitWeek !== null && c.exitWeek !== undefined) continue;
    let sum: number | null = 0;
    for (const w of weeks) {
      const t = coupleWeekTotal(w, c.celebrity);
      sum = t === null || sum === null ? null : sum + t;
    }
    out.set(c.celebrity, sum);
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
