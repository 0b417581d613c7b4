import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { pollOptions, polls } from "../../schema/index.js";
import type { PollKind } from "../../schema/polls.js";
import { earliest } from "../earliest.js";
import { rowsOf } from "./rows.js";

export type PollRow = typeof polls.$inferSelect;
export type PollOptionRow = typeof pollOptions.$inferSelect;

export interface NewPoll {
  guildId: string;
  channelId: string;
  creatorId: string;
  kind: PollKind;
  question: string;
  seasonId?: number | null;
  week?: number | null;
  anonymous?: boolean;
  hideResults?: boolean;
  scheduled?: boolean;
  closesAt: Date;
  options: { label: string; coupleId?: number | null }[];
}

export interface PollWithOptions {
  poll: PollRow;
  options: PollOptionRow[];
}

export async function createPoll(db: Database, input: NewPoll): Promise<PollWithOptions> {
  return db.transaction(async (tx) => {
    const { options, ...values } = input;
    const [poll] = await tx.insert(polls).values(values).returning();
    if (!poll) throw new Error("poll was not stored");
    const rows = await tx
      .insert(pollOptions)
      .values(
        options.map((o, position) => ({ pollId: poll.id, position, label: o.label, coupleId: o.coupleId ?? null })),
      )
      .returning();
    return { poll, options: rows.sort((a, b) => a.position - b.position) };
  });
}

export async function setPollMessage(db: Database, pollId: number, messageId: string): Promise<void> {
  await db.update(polls).set({ messageId }).where(eq(polls.id, pollId));
}

/** A poll whose message could not be sent is removed again, so nothing waits on it. */
export async function deletePoll(db: Database, pollId: number): Promise<void> {
  await db.delete(polls).where(eq(polls.id, pollId));
}

export async function getPoll(db: Database, pollId: number): Promise<PollWithOptions | null> {
  const [poll] = await db.select().from(polls).where(eq(polls.id, pollId));
  if (!poll) return null;
  const options = await db
    .select()
    .from(pollOptions)
    .where(eq(pollOptions.pollId, pollId))
    .orderBy(asc(pollOptions.position));
  return { poll, options };
}

/** Open polls of a server, newest first (for /poll close's autocomplete and default). */
export async function openPolls(db: Database, guildId: string, channelId?: string): Promise<PollRow[]> {
  return db
    .select()
    .from(polls)
    .where(
      and(eq(polls.guildId, guildId), isNull(polls.closedAt), channelId ? eq(polls.channelId, channelId) : undefined),
    )
    .orderBy(desc(polls.createdAt))
    .limit(25);
}

/**
 * Closes a poll if it is still open: exactly one caller, in any process, gets the row back. The same statement
 * takes the lease on announcing the results, so the closer posts them.
 */
export async function closePoll(db: Database, pollId: number, closedBy: string): Promise<PollRow | null> {
  const [row] = await db
    .update(polls)
    .set({ closedAt: sql`now()`, closedBy, announceLeaseUntil: sql`now() + interval '60 seconds'` })
    .where(and(eq(polls.id, pollId), isNull(polls.closedAt)))
    .returning();
  return row ?? null;
}

/** Closes the polls whose deadline passed, at most `limit`; rows locked by another process are left to it. */
export async function closeDuePolls(db: Database, limit = 20): Promise<PollRow[]> {
  const result = await db.execute(sql`
    update ${polls} set closed_at = now(), closed_by = 'deadline', announce_lease_until = now() + interval '60 seconds'
    where id in (
      select id from ${polls} where closed_at is null and closes_at <= now()
      order by closes_at limit ${limit} for update skip locked
    ) and closed_at is null
    returning id`);
  const ids = rowsOf<{ id: number }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(polls).where(inArray(polls.id, ids));
}

/** Closed polls whose results were never posted (their closer crashed), taken over under a fresh lease. */
export async function claimUnannounced(db: Database, limit = 10): Promise<PollRow[]> {
  const result = await db.execute(sql`
    update ${polls} set announce_lease_until = now() + interval '60 seconds'
    where id in (
      select id from ${polls}
      where closed_at is not null and announced_at is null and announce_lease_until < now()
      order by closed_at limit ${limit} for update skip locked
    )
    returning id`);
  const ids = rowsOf<{ id: number }>(result).map((r) => r.id);
  if (ids.length === 0) return [];
  return db.select().from(polls).where(inArray(polls.id, ids));
}

export async function markAnnounced(db: Database, pollId: number): Promise<void> {
  await db.update(polls).set({ announcedAt: sql`now()` }).where(eq(polls.id, pollId));
}

/** The soonest deadline of an open poll, so the closer can sleep until then. */
export function nextDeadline(db: Database): Promise<Date | null> {
  return earliest(db, polls, polls.closesAt, isNull(polls.closedAt));
}

/**
 * Claims the right to redraw a poll's live tally now: at most one claim per poll per `intervalMs` across every
 * process. Returns 0 when claimed, else the milliseconds to wait (or null when the poll is closed or gone).
 */
export async function claimTallyEdit(db: Database, pollId: number, intervalMs: number): Promise<number | null> {
  const seconds = intervalMs / 1000;
  const result = await db.execute(sql`
    with claimed as (
      update ${polls} set tally_edited_at = now()
      where id = ${pollId} and closed_at is null
        and (tally_edited_at is null or tally_edited_at <= now() - make_interval(secs => ${seconds}))
      returning id
    )
    select (select count(*) from claimed)::int as claimed,
      ceil(extract(epoch from (p.tally_edited_at + make_interval(secs => ${seconds}) - now())) * 1000)::int as wait_ms,
      p.closed_at is not null as closed
    from ${polls} p where p.id = ${pollId}`);
  const [row] = rowsOf<{ claimed: number; wait_ms: number | null; closed: boolean }>(result);
  if (!row || row.closed) return null;
  if (row.claimed > 0) return 0;
  return Math.max(50, row.wait_ms ?? intervalMs);
}

/** Whether a server already has a Mirrorball poll for a season (the schedule posts one when a season starts). */
export async function hasMirrorballPoll(db: Database, guildId: string, seasonId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: polls.id })
    .from(polls)
    .where(and(eq(polls.guildId, guildId), eq(polls.seasonId, seasonId), eq(polls.kind, "mirrorball")))
    .limit(1);
  return row !== undefined;
}
