/** What the show decided, and which answers of a prediction poll it makes right. */
import type { SeasonOutcomeRows } from "../db/queries/polls/outcomes.js";
import type { PollKind } from "./types.js";

/** The recorded outcome of a season so far: eliminations by week, and the finale placements once known. */
export interface SeasonOutcome {
  /** Week -> couples eliminated that week (empty: a week recorded with no elimination). */
  eliminations: ReadonlyMap<number, readonly number[]>;
  /** Couple -> final placement; empty until the finale is recorded. */
  placements: ReadonlyMap<number, number>;
}

/** The outcome from the recorded weeks, exits and placements; the finale's placements count once a winner is known. */
export function seasonOutcome(rows: SeasonOutcomeRows): SeasonOutcome {
  const eliminations = new Map<number, number[]>();
  // A week of a season on the air that has not aired yet (announced, scheduled) has no outcome yet.
  for (const w of rows.weeks) if ((w.noElimination || w.isFinale) && !w.status) eliminations.set(w.number, []);
  for (const e of rows.exits) eliminations.set(e.week, [...(eliminations.get(e.week) ?? []), e.coupleId]);
  // Couples who left have a placement from the start; the finale's placements count once a winner is recorded.
  const decided = rows.placed.some((p) => p.placement === 1);
  const placements = new Map<number, number>(
    decided ? rows.placed.flatMap((p) => (p.placement === null ? [] : [[p.coupleId, p.placement] as const])) : [],
  );
  return { eliminations, placements };
}

/** The couples whose pick is correct, or null while the result the poll is about is not recorded. */
export function correctCouples(
  poll: { kind: PollKind; week: number | null },
  outcome: SeasonOutcome,
): Set<number> | null {
  if (poll.kind === "elimination") {
    const out = poll.week === null ? undefined : outcome.eliminations.get(poll.week);
    return out ? new Set(out) : null;
  }
  if (poll.kind === "mirrorball") {
    if (outcome.placements.size === 0) return null;
    return new Set([...outcome.placements].filter(([, place]) => place === 1).map(([id]) => id));
  }
  return null;
}

/** The couples still dancing when `week` starts: those with no exit before it. */
export function couplesStillIn<T extends { id: number; exitWeek: number | null }>(
  couples: readonly T[],
  outcome: SeasonOutcome,
  week: number,
): T[] {
  const exits = new Map<number, number>();
  for (const [w, ids] of outcome.eliminations) for (const id of ids) exits.set(id, Math.min(w, exits.get(id) ?? w));
  return couples.filter((c) => {
    const exit = Math.min(c.exitWeek ?? Number.POSITIVE_INFINITY, exits.get(c.id) ?? Number.POSITIVE_INFINITY);
    return exit >= week;
  });
}

/** The week a new poll is about: the first one after the last recorded elimination week. */
export function upcomingWeek(outcome: SeasonOutcome): number {
  return Math.max(0, ...outcome.eliminations.keys()) + 1;
}
