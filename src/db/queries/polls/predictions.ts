import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { pollOptions, polls, pollVotes, predictionLedger, seasons } from "../../schema/index.js";
import { rowsOf } from "./rows.js";

/** The poll, locked for the rest of the transaction, so processes scoring it at once append its entries once. */
export async function lockPollForScoring(db: Database, pollId: number) {
  const [poll] = await db.select().from(polls).where(eq(polls.id, pollId)).for("update");
  return poll ?? null;
}

export async function seasonById(db: Database, seasonId: number) {
  const [season] = await db
    .select({ id: seasons.id, number: seasons.number, franchise: seasons.franchise })
    .from(seasons)
    .where(eq(seasons.id, seasonId));
  return season ?? null;
}

/** What scoring a poll reads: its answers, its votes, and the points each member already holds for it. */
export async function pollScoringRows(db: Database, pollId: number) {
  const [options, votes, held] = await Promise.all([
    db.select().from(pollOptions).where(eq(pollOptions.pollId, pollId)),
    db
      .select({ userId: pollVotes.userId, position: pollVotes.position })
      .from(pollVotes)
      .where(eq(pollVotes.pollId, pollId)),
    db
      .select({ userId: predictionLedger.userId, points: sql<number>`sum(${predictionLedger.points})::int` })
      .from(predictionLedger)
      .where(eq(predictionLedger.pollId, pollId))
      .groupBy(predictionLedger.userId),
  ]);
  return { options, votes, held: new Map(held.map((h) => [h.userId, Number(h.points)])) };
}

/** Appends ledger entries (never updates one) and marks the poll resolved. */
export async function appendLedger(
  db: Database,
  input: {
    guildId: string;
    pollId: number;
    entries: { userId: string; points: number; reason: "correct pick" | "correction" | "reversal" }[];
  },
): Promise<void> {
  for (let i = 0; i < input.entries.length; i += 1000) {
    await db
      .insert(predictionLedger)
      .values(input.entries.slice(i, i + 1000).map((e) => ({ guildId: input.guildId, pollId: input.pollId, ...e })));
  }
  await db.update(polls).set({ resolvedAt: sql`now()` }).where(eq(polls.id, input.pollId));
}

/** Closed prediction polls about these seasons, oldest first. */
export async function closedPredictionPolls(db: Database, seasonIds: number[]): Promise<number[]> {
  if (seasonIds.length === 0) return [];
  const rows = await db
    .select({ id: polls.id })
    .from(polls)
    .where(and(inArray(polls.seasonId, seasonIds), isNotNull(polls.closedAt), ne(polls.kind, "custom")))
    .orderBy(asc(polls.id));
  return rows.map((r) => r.id);
}

export async function seasonIdsByNumber(db: Database, numbers: number[], franchise = "dwts-us"): Promise<number[]> {
  if (numbers.length === 0) return [];
  const rows = await db
    .select({ id: seasons.id })
    .from(seasons)
    .where(and(eq(seasons.franchise, franchise), inArray(seasons.number, numbers)));
  return rows.map((r) => r.id);
}

export interface Standing {
  userId: string;
  points: number;
  correct: number;
  rank: number;
  row: number;
}

export interface PredictionBoard {
  standings: Standing[];
  /** The caller, wherever they rank (null when they have no points). */
  me: Standing | null;
  members: number;
}

/**
 * A server's ranking: points, then correct picks, then whoever reached their total first (all in SQL, so the
 * caller's own rank comes back even far below the page).
 */
export async function predictionBoard(
  db: Database,
  input: { guildId: string; seasonId: number | null; userId: string; offset: number; limit: number },
): Promise<PredictionBoard> {
  const seasonFilter = input.seasonId === null ? sql`` : sql`and p.season_id = ${input.seasonId}`;
  const result = await db.execute(sql`
    with per_poll as (
      select l.user_id, l.poll_id, sum(l.points) as pts, max(l.created_at) as last_at
      from ${predictionLedger} l join ${polls} p on p.id = l.poll_id
      where l.guild_id = ${input.guildId} ${seasonFilter}
      group by l.user_id, l.poll_id
    ), per_user as (
      select user_id, sum(pts)::int as points, (count(*) filter (where pts > 0))::int as correct, max(last_at) as reached
      from per_poll group by user_id
    ), ranked as (
      select user_id, points, correct,
        (rank() over (order by points desc, correct desc, reached asc))::int as rank,
        (row_number() over (order by points desc, correct desc, reached asc, user_id))::int as row,
        (count(*) over ())::int as members
      from per_user where points > 0
    )
    select user_id, points, correct, rank, row, members from ranked
    where (row > ${input.offset} and row <= ${input.offset + input.limit}) or user_id = ${input.userId}
    order by row`);
  const rows = rowsOf<{ user_id: string; points: number; correct: number; rank: number; row: number; members: number }>(
    result,
  ).map((r) => ({
    userId: r.user_id,
    points: Number(r.points),
    correct: Number(r.correct),
    rank: Number(r.rank),
    row: Number(r.row),
    members: Number(r.members),
  }));
  const inPage = (s: Standing) => s.row > input.offset && s.row <= input.offset + input.limit;
  return {
    standings: rows.filter(inPage).map(({ members: _, ...s }) => s),
    me: rows.find((r) => r.userId === input.userId) ?? null,
    members: rows[0]?.members ?? (await countRanked(db, input.guildId, input.seasonId)),
  };
}

async function countRanked(db: Database, guildId: string, seasonId: number | null): Promise<number> {
  const seasonFilter = seasonId === null ? sql`` : sql`and p.season_id = ${seasonId}`;
  const result = await db.execute(sql`
    select count(*)::int as n from (
      select l.user_id from ${predictionLedger} l join ${polls} p on p.id = l.poll_id
      where l.guild_id = ${guildId} ${seasonFilter} group by l.user_id having sum(l.points) > 0
    ) ranked`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

export interface PickHistory {
  pollId: number;
  kind: "mirrorball" | "elimination" | "custom";
  question: string;
  season: number | null;
  week: number | null;
  pick: string;
  closed: boolean;
  resolved: boolean;
  points: number;
}

/** A member's prediction picks in a server, newest first, with the points each earned. */
export async function pickHistory(
  db: Database,
  input: { guildId: string; userId: string; seasonId: number | null; limit: number },
): Promise<PickHistory[]> {
  const rows = await db
    .select({
      pollId: polls.id,
      kind: polls.kind,
      question: polls.question,
      season: seasons.number,
      week: polls.week,
      pick: pollOptions.label,
      closedAt: polls.closedAt,
      resolvedAt: polls.resolvedAt,
      points: sql<number>`coalesce((select sum(${predictionLedger.points}) from ${predictionLedger}
        where ${predictionLedger.pollId} = ${polls.id} and ${predictionLedger.userId} = ${input.userId}), 0)::int`,
    })
    .from(pollVotes)
    .innerJoin(polls, eq(polls.id, pollVotes.pollId))
    .innerJoin(pollOptions, and(eq(pollOptions.pollId, pollVotes.pollId), eq(pollOptions.position, pollVotes.position)))
    .leftJoin(seasons, eq(seasons.id, polls.seasonId))
    .where(
      and(
        eq(pollVotes.userId, input.userId),
        eq(polls.guildId, input.guildId),
        ne(polls.kind, "custom"),
        input.seasonId === null ? undefined : eq(polls.seasonId, input.seasonId),
      ),
    )
    .orderBy(desc(polls.createdAt), desc(polls.id))
    .limit(input.limit);
  return rows.map((r) => ({
    pollId: r.pollId,
    kind: r.kind,
    question: r.question,
    season: r.season,
    week: r.week,
    pick: r.pick,
    closed: r.closedAt !== null,
    resolved: r.resolvedAt !== null,
    points: Number(r.points),
  }));
}
