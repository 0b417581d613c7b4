import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { botState, leagues } from "../../schema/index.js";
import { earliest } from "../earliest.js";
import { rowsOf } from "../polls/rows.js";

export type LeagueRow = typeof leagues.$inferSelect;
export type NewLeague = typeof leagues.$inferInsert;

export async function insertLeague(db: Database, input: NewLeague): Promise<LeagueRow> {
  const [row] = await db.insert(leagues).values(input).returning();
  if (!row) throw new Error("league was not stored");
  return row;
}

export async function setLeagueMessage(db: Database, leagueId: number, messageId: string): Promise<void> {
  await db.update(leagues).set({ messageId }).where(eq(leagues.id, leagueId));
}

/** The league's live message is now this one (reposted, possibly in another channel). */
export async function moveLeagueMessage(
  db: Database,
  leagueId: number,
  channelId: string,
  messageId: string,
): Promise<void> {
  await db.update(leagues).set({ channelId, messageId }).where(eq(leagues.id, leagueId));
}

/** A league whose message could not be sent is removed again, so nothing waits on it. */
export async function deleteLeague(db: Database, leagueId: number): Promise<void> {
  await db.delete(leagues).where(eq(leagues.id, leagueId));
}

export async function getLeague(db: Database, leagueId: number): Promise<LeagueRow | null> {
  const [row] = await db.select().from(leagues).where(eq(leagues.id, leagueId));
  return row ?? null;
}

/** A server's leagues, newest first (autocomplete, and the default league of a channel). */
export async function listLeagues(db: Database, guildId: string, limit = 25): Promise<LeagueRow[]> {
  return db.select().from(leagues).where(eq(leagues.guildId, guildId)).orderBy(desc(leagues.id)).limit(limit);
}

/** New rules, only while nobody has drafted yet; null when the draft already started. */
export async function updateRules(
  db: Database,
  leagueId: number,
  rules: Record<string, number>,
): Promise<LeagueRow | null> {
  const [row] = await db
    .update(leagues)
    .set({ rules })
    .where(and(eq(leagues.id, leagueId), eq(leagues.status, "open")))
    .returning();
  return row ?? null;
}

/**
 * Open -> drafting with the first clock running; exactly one caller gets the row back. `releasedWeek` is the weeks
 * that had already ended (a live league drafting mid-season), which the league does not score.
 */
export async function startDraft(db: Database, leagueId: number, releasedWeek = 0): Promise<LeagueRow | null> {
  const [row] = await db
    .update(leagues)
    .set({
      status: "drafting",
      turn: 0,
      releasedWeek,
      clockEndsAt: sql`now() + make_interval(secs => ${leagues.pickSeconds})`,
    })
    .where(and(eq(leagues.id, leagueId), eq(leagues.status, "open")))
    .returning();
  return row ?? null;
}

export interface TakeTurn {
  leagueId: number;
  /** The turn the caller saw: the pick is stored only if the league is still on it. */
  turn: number;
  teamId: number;
  coupleId: number | null;
  kind: "pick" | "auto" | "waiver" | "kept";
  fromWeek: number;
  next: { status: "drafting" | "waivers" | "active"; clock: boolean };
}

export type TakeTurnResult = { stored: true; league: LeagueRow } | { stored: false; reason: "moved" | "taken" };

class Taken extends Error {}

/**
 * Stores one turn: the league row moves from `turn` to the next in the same transaction as the pick is inserted, so
 * of two clicks (or a click and the clock, in any process) exactly one is stored; a couple already on a team is
 * refused by the unique index and nothing moves.
 */
export async function takeTurn(db: Database, input: TakeTurn): Promise<TakeTurnResult> {
  try {
    return await db.transaction(async (tx) => {
      const [league] = await tx
        .update(leagues)
        .set({
          turn: sql`${leagues.turn} + 1`,
          status: input.next.status,
          clockEndsAt: input.next.clock ? sql`now() + make_interval(secs => ${leagues.pickSeconds})` : null,
        })
        .where(
          and(
            eq(leagues.id, input.leagueId),
            eq(leagues.turn, input.turn),
            inArray(leagues.status, ["drafting", "waivers"]),
          ),
        )
        .returning();
      if (!league) return { stored: false, reason: "moved" } as const;
      const result = await tx.execute(sql`
        insert into league_picks (league_id, turn, team_id, couple_id, kind, from_week)
        values (${input.leagueId}, ${input.turn}, ${input.teamId}, ${input.coupleId}, ${input.kind}, ${input.fromWeek})
        on conflict do nothing returning id`);
      if (rowsOf(result).length === 0) throw new Taken();
      return { stored: true, league } as const;
    });
  } catch (error) {
    if (error instanceof Taken) return { stored: false, reason: "taken" };
    throw error;
  }
}

/** Leagues whose clock ran out: the turn each is on, for the automatic pick. */
export async function dueClocks(db: Database, limit = 20): Promise<{ id: number; turn: number }[]> {
  return db
    .select({ id: leagues.id, turn: leagues.turn })
    .from(leagues)
    .where(and(inArray(leagues.status, ["drafting", "waivers"]), sql`${leagues.clockEndsAt} <= now()`))
    .orderBy(asc(leagues.clockEndsAt))
    .limit(limit);
}

/** When the soonest clock of a draft or waiver turn runs out, so the league clock can sleep until then. */
export function nextClock(db: Database): Promise<Date | null> {
  return earliest(db, leagues, leagues.clockEndsAt, inArray(leagues.status, ["drafting", "waivers"]));
}

/** Moves the scored weeks on from `from` to `to`; null when another caller (or process) moved them first. */
export async function releaseWeeks(
  db: Database,
  leagueId: number,
  from: number,
  to: number,
  finished: boolean,
): Promise<LeagueRow | null> {
  const [row] = await db
    .update(leagues)
    .set({ releasedWeek: to, ...(finished ? { status: "finished" as const } : {}) })
    .where(and(eq(leagues.id, leagueId), eq(leagues.releasedWeek, from), eq(leagues.status, "active")))
    .returning();
  return row ?? null;
}

/** Opens the waiver turns after `week`, with the first team on the clock; null when the league was not waiting. */
export async function openWaivers(
  db: Database,
  leagueId: number,
  week: number,
  order: number[],
): Promise<LeagueRow | null> {
  const [row] = await db
    .update(leagues)
    .set({
      status: "waivers",
      waiverOrder: order,
      waiverStart: sql`${leagues.turn}`,
      waiverWeek: week,
      clockEndsAt: sql`now() + make_interval(secs => ${leagues.pickSeconds})`,
    })
    .where(and(eq(leagues.id, leagueId), eq(leagues.status, "active"), eq(leagues.releasedWeek, week)))
    .returning();
  return row ?? null;
}

/** The version of the show's records that /admin moves on every change (see src/admin/live.ts). */
export async function showDataVersion(db: Database): Promise<string> {
  const [row] = await db.select().from(botState).where(eq(botState.key, "live:indexes"));
  return row?.value ?? "";
}

/**
 * Leagues under way that have not been scored from this version of the records, claimed for re-scoring: each league
 * is claimed by one process per version.
 */
export async function claimRescores(db: Database, version: string, limit = 20): Promise<number[]> {
  const result = await db.execute(sql`
    update ${leagues} set scored_version = ${version}
    where id in (
      select id from ${leagues}
      where status in ('active', 'waivers', 'finished') and scored_version is distinct from ${version}
      order by id limit ${limit} for update skip locked
    )
    returning id`);
  return rowsOf<{ id: number }>(result).map((r) => r.id);
}

export async function forgetScoredVersion(db: Database, leagueId: number): Promise<void> {
  await db.update(leagues).set({ scoredVersion: null }).where(eq(leagues.id, leagueId));
}

/** Live leagues under way, whose scored weeks follow the recorded results. */
export async function liveLeagues(db: Database): Promise<LeagueRow[]> {
  return db
    .select()
    .from(leagues)
    .where(and(eq(leagues.mode, "live"), eq(leagues.status, "active")));
}
