/** Scoring closed prediction polls from the recorded results, into the append-only ledger. */
import type { Database } from "../db/client.js";
import { seasonOutcomeRows } from "../db/queries/polls/outcomes.js";
import {
  appendLedger,
  closedPredictionPolls,
  lockPollForScoring,
  pollScoringRows,
  seasonById,
  seasonIdsByNumber,
} from "../db/queries/polls/predictions.js";
import { correctCouples, seasonOutcome } from "./outcome.js";
import { expectedAwards, ledgerDiff } from "./scoring.js";
import { pollSettings } from "./settings.js";

export interface Resolution {
  pollId: number;
  /** Ledger entries appended (0 when the ledger already agreed). */
  entries: number;
  correctVoters: number;
}

/**
 * Scores a closed prediction poll from the recorded result, if there is one. The poll row is locked for the
 * transaction, so processes resolving the same poll at once append its entries only once.
 */
export async function resolvePoll(db: Database, pollId: number): Promise<Resolution | null> {
  return db.transaction(async (tx) => {
    const poll = await lockPollForScoring(tx, pollId);
    if (!poll || poll.closedAt === null || poll.kind === "custom" || poll.seasonId === null) return null;
    const season = await seasonById(tx, poll.seasonId);
    if (!season) return null;
    const correct = correctCouples(poll, seasonOutcome(await seasonOutcomeRows(tx, season.id)));
    if (!correct) return null;
    const [settings, rows] = await Promise.all([pollSettings(tx, poll.guildId), pollScoringRows(tx, pollId)]);
    const expected = expectedAwards(poll, rows.options, rows.votes, correct, settings);
    const entries = ledgerDiff(expected, rows.held, poll.resolvedAt === null);
    await appendLedger(tx, { guildId: poll.guildId, pollId, entries });
    return { pollId, entries: entries.length, correctVoters: [...expected.values()].filter((p) => p > 0).length };
  });
}

/** Resolves (or re-scores) every closed prediction poll of these seasons, once their results were (re)loaded. */
export async function resolveSeasonPolls(db: Database, seasonIds: number[]): Promise<Resolution[]> {
  const done: Resolution[] = [];
  for (const id of await closedPredictionPolls(db, seasonIds)) {
    const resolution = await resolvePoll(db, id);
    if (resolution) done.push(resolution);
  }
  return done;
}

/** After seasons were loaded (from data/ or an owner's change): their polls resolve from their results. */
export async function resolveSeededSeasons(db: Database, numbers: number[], franchise = "dwts-us") {
  return resolveSeasonPolls(db, await seasonIdsByNumber(db, numbers, franchise));
}
