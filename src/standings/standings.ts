import type { CoupleRef, Performance, WeekSheet } from "../db/queries/weekSheet.js";

export interface DanceLine {
  performance: Performance;
  /** Sum of the judges' scores, or null for a dance the judges did not score. */
  judgesTotal: number | null;
  judgesMax: number;
  /** Other couples in a team dance, relay or dance-off. */
  partners: CoupleRef[];
}

export interface Standing {
  rank: number;
  couple: CoupleRef;
  dances: DanceLine[];
  judgesTotal: number;
  judgesMax: number;
  bonus: number;
  /** Judges' totals (with bonus) of the earlier weeks this week adds, e.g. the semifinal in a finale. */
  carryOver: number;
  /** The judges' maximum of those earlier weeks (0 without carry-over). */
  carryOverMax: number;
  total: number;
  /** True when the couple's total comes from weekly per-judge figures rather than the dances' own scores. */
  weeklyOnly: boolean;
  weeklyScores: (number | null)[] | null;
}

export function sum(values: readonly (number | null)[]): number {
  return values.reduce<number>((acc, v) => acc + (v ?? 0), 0);
}

/** Scores out of 10 per judge who scored. */
export function maxScore(scores: readonly (number | null)[]): number {
  return scores.filter((s) => s !== null).length * 10;
}

/**
 * A dance's judges' total and its maximum: each judge's score plus any score from outside the panel (a one-dance guest
 * judge, the viewers' score), or the reported total where only that is known. Null for a dance nobody scored.
 */
export function danceScore(p: Performance, judgeCount: number): { total: number | null; max: number } {
  const extras = p.extraScores.filter((x) => x.score !== null);
  const extraTotal = sum(extras.map((x) => x.score));
  if (p.scores.length > 0) return { total: sum(p.scores) + extraTotal, max: maxScore(p.scores) + extras.length * 10 };
  if (p.reportedTotal !== null) return { total: p.reportedTotal + extraTotal, max: (judgeCount + extras.length) * 10 };
  if (extras.length > 0) return { total: extraTotal, max: extras.length * 10 };
  return { total: null, max: 0 };
}

/**
 * How many judges marked each dance of a week, for a total given without per-judge marks. A week of two nights
 * with a different guest each night (S33 W3) lists both guests, but each dance had the panel and one of them.
 */
export function judgesPerDance(sheet: Pick<WeekSheet, "judges">): number {
  const guests = sheet.judges.filter((j) => j.isGuest).length;
  return sheet.judges.length - Math.max(0, guests - 1);
}

/**
 * Standard competition ranking: equal totals share a rank and the next rank skips ("1, 2, 2, 4").
 * Within a tie, couples stay in the order given (alphabetical by celebrity, from `weekStandings`).
 */
export function rankByTotal<T extends { total: number }>(items: readonly T[]): (T & { rank: number })[] {
  const sorted = [...items].sort((a, b) => b.total - a.total);
  let rank = 0;
  return sorted.map((item, i) => {
    if (i === 0 || item.total !== sorted[i - 1]?.total) rank = i + 1;
    return { ...item, rank };
  });
}

interface WeekTotal {
  judges: number;
  max: number;
  bonus: number;
  scoredDances: number;
  fromWeekly: boolean;
}

/**
 * A couple's judges' total for a week plus the bonus points they won that week. Where weekly per-judge figures cover
 * more dances than have scores of their own (none, or only some), the total is those figures times the number of
 * dances they average over: a partial record would rank the couple below couples whose every dance is known.
 */
export function weekTotals(sheet: WeekSheet): Map<number, WeekTotal> {
  const totals = new Map<number, WeekTotal>();
  const get = (id: number) => {
    let t = totals.get(id);
    if (!t) {
      t = { judges: 0, max: 0, bonus: 0, scoredDances: 0, fromWeekly: false };
      totals.set(id, t);
    }
    return t;
  };
  for (const p of sheet.performances) {
    // A dance announced before the show is not part of anyone's total yet.
    if (p.status === "announced") continue;
    for (const id of new Set(p.coupleIds)) {
      const t = get(id);
      const dance = danceScore(p, judgesPerDance(sheet));
      if (dance.total !== null) {
        t.judges += dance.total;
        t.max += dance.max;
        t.scoredDances += 1;
      }
    }
    for (const b of p.bonus) get(b.coupleId).bonus += b.points;
  }
  for (const b of sheet.bonus) get(b.coupleId).bonus += b.points;
  for (const w of sheet.weeklyScores) {
    const t = get(w.coupleId);
    if (t.scoredDances < (w.dances ?? 1)) {
      t.fromWeekly = true;
      t.judges = sum(w.scores) * (w.dances ?? 1);
      t.max = maxScore(w.scores) * (w.dances ?? 1);
    }
  }
  return totals;
}

/**
 * The judges' leaderboard of a week: every couple who danced, their dances, and their total with bonus points
 * and any carry-over (`carryOver` maps couple id to the points brought from earlier weeks).
 */
export function weekStandings(
  sheet: WeekSheet,
  carryOver: ReadonlyMap<number, number> = new Map(),
  carryOverMax: ReadonlyMap<number, number> = new Map(),
): Standing[] {
  const couples = new Map(sheet.couples.map((c) => [c.id, c]));
  const totals = weekTotals(sheet);
  const weekly = new Map(sheet.weeklyScores.map((w) => [w.coupleId, w.scores]));
  const rows: Omit<Standing, "rank">[] = [];
  for (const [coupleId, t] of totals) {
    const couple = couples.get(coupleId);
    if (!couple) continue;
    const dances = sheet.performances
      .filter((p) => p.coupleIds.includes(coupleId) && p.status !== "announced")
      .map((performance) => {
        const score = danceScore(performance, judgesPerDance(sheet));
        return {
          performance,
          judgesTotal: score.total,
          judgesMax: score.max,
          partners: performance.coupleIds
            .filter((id) => id !== coupleId)
            .map((id) => couples.get(id))
            .filter((c): c is CoupleRef => c !== undefined),
        };
      });
    const carried = carryOver.get(coupleId) ?? 0;
    const weeklyOnly = t.fromWeekly;
    rows.push({
      couple,
      dances,
      judgesTotal: t.judges,
      judgesMax: t.max,
      bonus: t.bonus,
      carryOver: carried,
      carryOverMax: carryOverMax.get(coupleId) ?? 0,
      total: t.judges + t.bonus + carried,
      weeklyOnly,
      weeklyScores: weekly.get(coupleId) ?? null,
    });
  }
  rows.sort((a, b) => a.couple.celebrity.localeCompare(b.couple.celebrity));
  return rankByTotal(rows);
}

/** Points each couple brings into a week from the earlier weeks it carries over (judges' totals plus bonus). */
export function carryOverPoints(earlier: readonly WeekSheet[]): Map<number, number> {
  const points = new Map<number, number>();
  for (const sheet of earlier) {
    for (const [coupleId, t] of weekTotals(sheet)) {
      points.set(coupleId, (points.get(coupleId) ?? 0) + t.judges + t.bonus);
    }
  }
  return points;
}

/** The judges' maximum each couple had in the earlier weeks a week carries over (the "/90" of "76/90"). */
export function carryOverMaxima(earlier: readonly WeekSheet[]): Map<number, number> {
  const max = new Map<number, number>();
  for (const sheet of earlier) {
    for (const [coupleId, t] of weekTotals(sheet)) max.set(coupleId, (max.get(coupleId) ?? 0) + t.max);
  }
  return max;
}

/**
 * A couple's standing after each of their dances of a carry-over week, in running order: the earlier weeks' points
 * plus the dances so far, out of the maximum so far (S32's finale: Alyson Hannigan 76/90 after the redemption round).
 */
export function runningStandings(s: Standing): { points: number; max: number }[] {
  let points = s.carryOver;
  let max = s.carryOverMax;
  return s.dances.map((d) => {
    if (d.judgesTotal !== null) {
      points += d.judgesTotal;
      max += d.judgesMax;
    }
    for (const b of d.performance.bonus) if (b.coupleId === s.couple.id) points += b.points;
    return { points, max };
  });
}
