/** Everything that happens to a poll after it is asked: publishing, votes with a live tally, closing and results. */

import type { Database } from "../db/client.js";
import {
  type CastVote,
  castVotes,
  claimTallyEdit,
  closePoll,
  countVotes,
  createPoll,
  deletePoll,
  getPoll,
  markAnnounced,
  type NewPoll,
  type PollRow,
  pollVoteList,
  setPollMessage,
  type VoteResult,
} from "../db/queries/polls/index.js";
import type { Logger } from "../logger.js";
import { EditCoalescer, type FlushResult } from "./coalesce.js";
import { GroupCommit } from "./groupCommit.js";
import { resolvePoll } from "./resolve.js";
import { type Tally, tally } from "./tally.js";
import type { PollShape } from "./types.js";

/** A poll whose message is (or is about to be) in a channel. */
export type PostedPoll = PollShape & { channelId: string; messageId: string | null };

/** A closed poll's results, for its results message. */
export interface PollResults {
  poll: PostedPoll;
  result: Tally;
  /** Voters per answer position; null when the poll is anonymous. */
  voters: Map<number, string[]> | null;
  /** How many picks were correct, when the poll was scored from a recorded result. */
  correctPicks: number | null;
}

/**
 * What a poll's life shows in Discord. The service says what happened; the bot's implementation
 * (src/commands/poll/board.ts) draws the poll's messages and sends them.
 */
export interface PollBoard {
  /** Posts a new poll's message; resolves to the message id. */
  post(poll: PostedPoll, result: Tally): Promise<string>;
  /** Redraws the poll's message with its tally (live while open, locked once closed). */
  redraw(poll: PostedPoll & { messageId: string }, result: Tally): Promise<void>;
  /** Posts a closed poll's results in its channel. */
  announce(results: PollResults): Promise<void>;
}

/** One poll message is edited at most this often, however many votes arrive. */
export const tallyEditIntervalMs = 2_000;

export class PollService {
  readonly tallies: EditCoalescer<number>;
  /** Votes that arrive together are committed together (one statement), each receipt after its commit. */
  private readonly votes: GroupCommit<CastVote, VoteResult>;

  constructor(
    private readonly db: Database,
    private readonly board: PollBoard,
    private readonly logger: Logger,
    editIntervalMs = tallyEditIntervalMs,
  ) {
    this.votes = new GroupCommit(
      (batch) => castVotes(this.db, batch),
      (vote) => `${vote.pollId}:${vote.userId}`,
    );
    this.tallies = new EditCoalescer<number>(
      (pollId) => this.redrawTally(pollId, editIntervalMs),
      editIntervalMs,
      (pollId, error) => this.logger.warn({ err: error, pollId }, "could not update a poll's live tally"),
    );
  }

  /** Stores the poll, then posts its message in the channel; a poll whose message cannot be sent is dropped. */
  async publish(input: NewPoll): Promise<PollRow> {
    const { poll, options } = await createPoll(this.db, input);
    try {
      const messageId = await this.board.post(poll, tally(options, new Map()));
      await setPollMessage(this.db, poll.id, messageId);
      return { ...poll, messageId };
    } catch (error) {
      await deletePoll(this.db, poll.id);
      throw error;
    }
  }

  /** Stores a vote (durably, before the caller sends the receipt) and schedules a coalesced tally redraw. */
  async vote(vote: CastVote) {
    const result = await this.votes.submit(vote);
    if (result.stored) this.tallies.touch(vote.pollId);
    return result;
  }

  private async redrawTally(pollId: number, intervalMs: number): Promise<FlushResult> {
    const wait = await claimTallyEdit(this.db, pollId, intervalMs);
    if (wait === null) return undefined; // closed: the closer draws the final state
    if (wait > 0) return { retryInMs: wait };
    const found = await getPoll(this.db, pollId);
    const messageId = found?.poll.messageId;
    if (!messageId || found.poll.closedAt) return undefined;
    const counts = await countVotes(this.db, pollId);
    await this.board.redraw({ ...found.poll, messageId }, tally(found.options, counts));
    return undefined;
  }

  /** /poll close: closes now if still open; only the caller that actually closed it posts the results. */
  async close(pollId: number, closedBy: string): Promise<PollRow | null> {
    const closed = await closePoll(this.db, pollId, closedBy);
    if (closed) await this.finish(closed);
    return closed;
  }

  /**
   * After a close (which this process won): lock the poll message, post the results with the chart, then score
   * the poll if its result is recorded.
   */
  async finish(poll: PollRow): Promise<void> {
    this.tallies.forget(poll.id);
    const found = await getPoll(this.db, poll.id);
    if (!found) return;
    const counts = await countVotes(this.db, poll.id);
    const result = tally(found.options, counts);
    const messageId = found.poll.messageId;
    if (messageId) {
      await this.board
        .redraw({ ...found.poll, messageId }, result)
        .catch((error: unknown) =>
          this.logger.warn({ err: error, pollId: poll.id }, "could not lock the poll message"),
        );
    }
    const voters = found.poll.anonymous ? null : await this.votersByAnswer(poll.id);
    const resolution = await resolvePoll(this.db, poll.id);
    await this.board.announce({ poll: found.poll, result, voters, correctPicks: resolution?.correctVoters ?? null });
    await markAnnounced(this.db, poll.id);
    this.logger.info({ pollId: poll.id, votes: result.total, closedBy: found.poll.closedBy }, "poll closed");
  }

  private async votersByAnswer(pollId: number): Promise<Map<number, string[]>> {
    const byAnswer = new Map<number, string[]>();
    for (const v of await pollVoteList(this.db, pollId)) {
      const list = byAnswer.get(v.position) ?? [];
      list.push(v.userId);
      byAnswer.set(v.position, list);
    }
    return byAnswer;
  }

  async stop(): Promise<void> {
    await this.votes.drain();
    await this.tallies.stop();
  }
}
