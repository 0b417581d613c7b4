import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { pollOptions, polls, pollVotes } from "../../schema/index.js";
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

/**
 * Stores a vote in one statement, only while the poll is open: the poll row is share-locked, so a vote either
 * commits before a close (and is counted in its results) or sees the poll closed and is refused.
 */
export async function castVote(db: Database, vote: CastVote): Promise<VoteResult> {
  const result = await db.execute(sql`
    with open_poll as (
      select id, closes_at from ${polls}
      where id = ${vote.pollId} and guild_id = ${vote.guildId} and message_id = ${vote.messageId}
        and closed_at is null and closes_at > now()
      for share
    ), answer as (
      select label from ${pollOptions} where poll_id = ${vote.pollId} and position = ${vote.position}
    ), previous as (
      select position from ${pollVotes} where poll_id = ${vote.pollId} and user_id = ${vote.userId}
    ), stored as (
      insert into ${pollVotes} (poll_id, user_id, position, voted_at)
      select open_poll.id, ${vote.userId}, ${vote.position}, now() from open_poll, answer
      on conflict (poll_id, user_id) do update set position = excluded.position, voted_at = excluded.voted_at
      returning position
    )
    select answer.label, open_poll.closes_at, (select position from previous) as previous
    from open_poll, answer, stored`);
  const [row] = rowsOf<{ label: string; closes_at: unknown; previous: number | null }>(result);
  if (row) {
    return {
      stored: true,
      label: row.label,
      closesAt: asDate(row.closes_at),
      changed: row.previous !== null && row.previous !== vote.position,
    };
  }
  return { stored: false, reason: await whyRefused(db, vote) };
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
