import type { WeekSheet } from "../db/queries/weekSheet.js";
import { weekTotals } from "../standings/standings.js";

/** How a league turns the show into points; every rule is a whole number of points. */
export interface ScoringRules {
  /** Per point of the judges' marks, bonus points included (dance-offs, marathons, relays count as the data says). */
  perMark: number;
  /** Per dance on which every judge gave a 10 (a team dance counts for each couple in it). */
  perfectScore: number;
  /** For the week's top score (judges' total with bonus); tied couples each get it. */
  topScore: number;
  /** For dancing a week and not going home (the finale excluded). */
  survived: number;
  /** For going home that week (usually negative); a withdrawal costs nothing. */
  eliminated: number;
  /** Finale placements. */
  winner: number;
  runnerUp: number;
  third: number;
}

export const defaultRules: ScoringRules = {
  perMark: 1,
  perfectScore: 5,
  topScore: 5,
  survived: 3,
  eliminated: -5,
  winner: 30,
  runnerUp: 20,
  third: 10,
};

/** The rules in the order and words the league shows them, with the option that changes each. */
export const ruleNames: { key: keyof ScoringRules; option: string; label: string }[] = [
  { key: "perMark", option: "per-mark", label: "per point of the judges' marks (bonus points too)" },
  { key: "perfectScore", option: "perfect-score", label: "per perfect score (every judge a 10)" },
  { key: "topScore", option: "top-score", label: "for the week's top score" },
  { key: "survived", option: "survived", label: "for surviving the week" },
  { key: "eliminated", option: "eliminated", label: "for going home" },
  { key: "winner", option: "winner", label: "for winning the Mirrorball" },
  { key: "runnerUp", option: "runner-up", label: "for runner-up" },
  { key: "third", option: "third", label: "for third place" },
];

/** Stored rules (jsonb) read back over the defaults, so a league keeps working if a rule is added later. */
export function rulesOf(stored: Record<string, number> | null | undefined): ScoringRules {
  const rules = { ...defaultRules };
  for (const { key } of ruleNames) {
    const value = stored?.[key];
    if (typeof value === "number" && Number.isFinite(value)) rules[key] = value;
  }
  return rules;
}

/** One week of the show as scoring needs it: its nights' score sheets and how it ended. */
export interface ScoringWeek {
  week: number;
  isFinale: boolean;
  /** One sheet per night of the week (most weeks have one). */
  sheets: WeekSheet[];
  eliminated: readonly number[];
  withdrew: readonly number[];
  /** Finale placements by couple, once the winner is recorded. */
  placements: ReadonlyMap<number, number>;
}

export interface CoupleWeekPoints {
  coupleId: number;
  week: number;
  /** Judges' marks plus bonus points that week. */
  marks: number;
  perfect: number;
  top: boolean;
  survived: boolean;
  eliminated: boolean;
  placement: number | null;
  points: number;
}

/** A dance every judge scored 10: at least two judges, every score a 10. */
function isPerfect(scores: readonly (number | null)[]): boolean {
  return scores.length >= 2 && scores.every((s) => s === 10);
}

/** Each couple's points for one week under the rules. */
export function weekPoints(week: ScoringWeek, rules: ScoringRules): CoupleWeekPoints[] {
  const marks = new Map<number, number>();
  const danced = new Set<number>();
  const perfect = new Map<number, number>();
  for (const sheet of week.sheets) {
    for (const [coupleId, t] of weekTotals(sheet)) {
      marks.set(coupleId, (marks.get(coupleId) ?? 0) + t.judges + t.bonus);
      if (t.scoredDances > 0 || t.fromWeekly) danced.add(coupleId);
    }
    for (const p of sheet.performances) {
      if (!isPerfect(p.scores)) continue;
      for (const id of new Set(p.coupleIds)) perfect.set(id, (perfect.get(id) ?? 0) + 1);
    }
  }
  const dancedMarks = [...danced].map((id) => marks.get(id) ?? 0);
  const top = dancedMarks.length ? Math.max(...dancedMarks) : 0;
  const eliminated = new Set(week.eliminated);
  const left = new Set([...week.eliminated, ...week.withdrew]);
  const placements = week.isFinale ? week.placements : new Map<number, number>();
  const couples = new Set([...marks.keys(), ...left, ...placements.keys()]);
  return [...couples]
    .map((coupleId) => {
      const m = marks.get(coupleId) ?? 0;
      const row = {
        coupleId,
        week: week.week,
        marks: m,
        perfect: perfect.get(coupleId) ?? 0,
        top: top > 0 && danced.has(coupleId) && m === top,
        survived: !week.isFinale && danced.has(coupleId) && !left.has(coupleId),
        eliminated: eliminated.has(coupleId),
        placement: placements.get(coupleId) ?? null,
      };
      const placed =
        row.placement === 1
          ? rules.winner
          : row.placement === 2
            ? rules.runnerUp
            : row.placement === 3
              ? rules.third
              : 0;
      const points =
        m * rules.perMark +
        row.perfect * rules.perfectScore +
        (row.top ? rules.topScore : 0) +
        (row.survived ? rules.survived : 0) +
        (row.eliminated ? rules.eliminated : 0) +
        placed;
      return { ...row, points };
    })
    .sort((a, b) => a.coupleId - b.coupleId);
}

/** Which team held a couple from which week (a draft pick from week 1, a waiver claim from the week after). */
export interface Holding {
  teamId: number;
  coupleId: number;
  fromWeek: number;
}

export interface PointsKey {
  teamId: number;
  coupleId: number;
  week: number;
}

export const pointsKey = (k: PointsKey) => `${k.teamId}:${k.coupleId}:${k.week}`;

/** What each (team, couple, week) should hold: the couple's points in the weeks its team held it. */
export function expectedPoints(
  holdings: readonly Holding[],
  weeks: readonly CoupleWeekPoints[],
): Map<string, PointsKey & { points: number }> {
  const held = new Map<number, Holding>();
  for (const h of holdings) held.set(h.coupleId, h);
  const expected = new Map<string, PointsKey & { points: number }>();
  for (const w of weeks) {
    const h = held.get(w.coupleId);
    if (!h || w.week < h.fromWeek) continue;
    const key = { teamId: h.teamId, coupleId: w.coupleId, week: w.week };
    expected.set(pointsKey(key), { ...key, points: w.points });
  }
  return expected;
}

export interface LedgerEntry extends PointsKey {
  points: number;
  reason: "scored" | "correction";
}

/**
 * The rows to append so the ledger agrees with what is expected: the difference per (team, couple, week), never an
 * edit of an earlier row. A key the ledger never saw is "scored"; a change of one it holds is a "correction".
 */
export function ledgerDiff(
  expected: ReadonlyMap<string, PointsKey & { points: number }>,
  held: ReadonlyMap<string, PointsKey & { points: number }>,
): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  for (const [key, e] of expected) {
    const before = held.get(key)?.points;
    const diff = e.points - (before ?? 0);
    if (before === undefined) entries.push({ ...e, reason: "scored" });
    else if (Math.abs(diff) > 1e-9) entries.push({ ...e, points: diff, reason: "correction" });
  }
  for (const [key, h] of held) {
    if (!expected.has(key) && Math.abs(h.points) > 1e-9)
      entries.push({ ...h, points: -h.points, reason: "correction" });
  }
  return entries;
}
