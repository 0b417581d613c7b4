import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { pollOptions, polls, pollVotes } from "../../schema/index.js";
import { executeNamed } from "../named.js";
import { asDate, rowsOf } from "./rows.js";

export interface CastVote {
  pollId: number;
  userId: string;
  position: number;
  guildId: string;
  /** The message the click came from: a vote must come from the poll's own message. */
  messageId: string;
}

export type VoteResult =
  | { stored: true; label: string; closesAt: Date; changed: boolean }
  | { stored: false; reason: "closed" | "unknown" | "foreign" | "option" };

/** Stores one vote: `castVotes` with a batch of one. */
export async function castVote(db: Database, vote: CastVote): Promise<VoteResult> {
  const [result] = await castVotes(db, [vote]);
  return result as VoteResult;
}

/**
 * Stores many votes in one statement, hence one transaction and one commit (group commit): each poll row is
 * share-locked, so every vote either commits before a close or sees the poll closed and is refused. A member may
 * appear only once per call (one statement cannot write a row twice). Answers in the order of `votes`.
 *
 * The batch travels as one JSON parameter, so the statement's text is the same whatever the batch size: PostgreSQL
 * parses and plans it once per connection (postgres.js keeps it prepared) instead of once per batch.
 */
export async function castVotes(db: Database, votes: readonly CastVote[]): Promise<VoteResult[]> {
  if (votes.length === 0) return [];
  const batch = JSON.stringify(
    votes.map((v, i) => ({
      idx: i,
      poll_id: v.pollId,
      user_id: v.userId,
      position: v.position,
      guild_id: v.guildId,
      message_id: v.messageId,
    })),
  );
  // Every join is an index lookup per vote (no CTE joined to a CTE: the planner guesses one row for those, and a
  // nested loop over them made a batch of 200 cost 40,000 index scans). The member's previous answer is read from
  // the same snapshot the insert starts from; a data-modifying CTE always runs to completion.
  const result = await executeNamed(
    db,
    "cast_votes",
    sql`
    with input as (
      select * from jsonb_to_recordset(${batch}::jsonb)
        as x(idx int, poll_id int, user_id text, position int, guild_id text, message_id text)
    ), open_poll as (
      select id, closes_at, guild_id, message_id from ${polls}
      where id in (select poll_id from input) and closed_at is null and closes_at > now()
      for share
    ), accepted as (
      select input.idx, input.poll_id, input.user_id, input.position, answer.label, open_poll.closes_at,
        previous.position as previous
      from input
      join open_poll on open_poll.id = input.poll_id and open_poll.guild_id = input.guild_id
        and open_poll.message_id = input.message_id
      join ${pollOptions} answer on answer.poll_id = input.poll_id and answer.position = input.position
      left join ${pollVotes} previous on previous.poll_id = input.poll_id and previous.user_id = input.user_id
    ), stored as (
      insert into ${pollVotes} (poll_id, user_id, position, voted_at)
      select poll_id, user_id, position, now() from accepted
      on conflict (poll_id, user_id) do update set position = excluded.position, voted_at = excluded.voted_at
    )
    select idx, label, closes_at, previous from accepted`,
  );
  const answers = new Map(
    rowsOf<{ idx: number; label: string; closes_at: unknown; previous: number | null }>(result).map((r) => [
      Number(r.idx),
      r,
    ]),
  );
  return Promise.all(
    votes.map(async (vote, i): Promise<VoteResult> => {
      const row = answers.get(i);
      if (!row) return { stored: false, reason: await whyRefused(db, vote) };
      return {
        stored: true,
        label: row.label,
        closesAt: asDate(row.closes_at),
        changed: row.previous !== null && row.previous !== vote.position,
      };
    }),
  );
}

/** The uncommon path: say why a vote was not stored. */
async function whyRefused(db: Database, vote: CastVote): Promise<"closed" | "unknown" | "foreign" | "option"> {
  const [poll] = await db.select().from(polls).where(eq(polls.id, vote.pollId));
  if (!poll) return "unknown";
  if (poll.guildId !== vote.guildId || (poll.messageId !== null && poll.messageId !== vote.messageId)) return "foreign";
  if (poll.closedAt !== null || poll.closesAt.getTime() <= Date.now()) return "closed";
  return "option";
}

/** Votes per answer position. */
export async function countVotes(db: Database, pollId: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ position: pollVotes.position, n: sql<number>`count(*)::int` })
    .from(pollVotes)
    .where(eq(pollVotes.pollId, pollId))
    .groupBy(pollVotes.position);
  return new Map(rows.map((r) => [r.position, Number(r.n)]));
}

/** Every vote of a poll (for resolving it, and for naming voters in a results message that is not anonymous). */
export async function pollVoteList(db: Database, pollId: number) {
  return db
    .select({ userId: pollVotes.userId, position: pollVotes.position, votedAt: pollVotes.votedAt })
    .from(pollVotes)
    .where(eq(pollVotes.pollId, pollId))
    .orderBy(asc(pollVotes.votedAt));
}
