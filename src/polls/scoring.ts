/** Prediction points: what a correct pick is worth, and the ledger entries that bring members to what they should hold. */
import type { PollKind } from "./types.js";

export interface PredictionSettings {
  eliminationPoints: number;
  /** A correct Mirrorball pick in a poll opened in week 1; one point less for each later week. */
  mirrorballPoints: number;
  /** What a correct Mirrorball pick is worth however late in the season. */
  mirrorballFloor: number;
}

export const defaultPredictionSettings: PredictionSettings = {
  eliminationPoints: 1,
  mirrorballPoints: 10,
  mirrorballFloor: 3,
};

/** Points for a correct pick in a poll of this kind opened in (or about) `week`. */
export function pointsForCorrectPick(kind: PollKind, week: number | null, settings: PredictionSettings): number {
  if (kind === "elimination") return settings.eliminationPoints;
  if (kind === "mirrorball") {
    const earlier = Math.max(0, (week ?? 1) - 1);
    return Math.max(settings.mirrorballFloor, settings.mirrorballPoints - earlier);
  }
  return 0;
}

/** What each voter of a resolved poll should hold: the pick's points when their pick was right, else nothing. */
export function expectedAwards(
  poll: { kind: PollKind; week: number | null },
  options: readonly { position: number; coupleId: number | null }[],
  votes: readonly { userId: string; position: number }[],
  correctCoupleIds: ReadonlySet<number>,
  settings: PredictionSettings,
): Map<string, number> {
  const worth = pointsForCorrectPick(poll.kind, poll.week, settings);
  const right = new Set(
    options.filter((o) => o.coupleId !== null && correctCoupleIds.has(o.coupleId)).map((o) => o.position),
  );
  const awards = new Map<string, number>();
  for (const vote of votes) awards.set(vote.userId, right.has(vote.position) ? worth : 0);
  return awards;
}

export interface LedgerEntry {
  userId: string;
  points: number;
  reason: "correct pick" | "correction" | "reversal";
}

/**
 * The entries to append so every member holds what they should for this poll: nothing when the ledger already
 * agrees, so resolving twice changes nothing and a correction only appends the differences.
 */
export function ledgerDiff(
  expected: ReadonlyMap<string, number>,
  held: ReadonlyMap<string, number>,
  firstResolution: boolean,
): LedgerEntry[] {
  const users = [...new Set([...expected.keys(), ...held.keys()])].sort();
  const entries: LedgerEntry[] = [];
  for (const userId of users) {
    const delta = (expected.get(userId) ?? 0) - (held.get(userId) ?? 0);
    if (delta === 0) continue;
    const reason = delta < 0 ? "reversal" : firstResolution ? "correct pick" : "correction";
    entries.push({ userId, points: delta, reason });
  }
  return entries;
}

/** The tie-breaks of the leaderboard, in order, as members read them. */
export const tieBreaks = "Ties: more correct picks first, then whoever reached their total earlier.";
