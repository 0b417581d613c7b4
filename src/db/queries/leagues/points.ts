import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { leaguePoints, leagues } from "../../schema/index.js";

export type PointsRow = typeof leaguePoints.$inferSelect;

export interface PointsSum {
  teamId: number;
  coupleId: number;
  week: number;
  points: number;
}

/** PostgreSQL's "could not serialize access": another transaction changed the row since this one's snapshot. */
function isSerializationFailure(error: unknown): boolean {
  const code = (e: unknown) => (e as { code?: string } | null)?.code;
  return code(error) === "40001" || code((error as { cause?: unknown } | null)?.cause) === "40001";
}

/**
 * Runs `work` with the league row locked, so two processes scoring one league append its rows once. The transaction
 * reads one snapshot (repeatable read): an owner's change committing halfway through cannot show it half the
 * season's old weeks and half the new. A snapshot overtaken by another change of the league row is retried.
 */
export async function withLeagueLocked<T>(
  db: Database,
  leagueId: number,
  work: (tx: Database, league: typeof leagues.$inferSelect) => Promise<T>,
  attempts = 5,
): Promise<T | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(
        async (tx) => {
          const [league] = await tx.select().from(leagues).where(eq(leagues.id, leagueId)).for("update");
          if (!league) return null;
          const result = await work(tx, league);
          // A new version of the league row: a transaction that waited for the lock with an older snapshot (which
          // cannot see the rows just appended) fails to serialize and starts again, instead of appending them twice.
          await tx
            .update(leagues)
            .set({ turn: sql`${leagues.turn}` })
            .where(eq(leagues.id, leagueId));
          return result;
        },
        { isolationLevel: "repeatable read" },
      );
    } catch (error) {
      if (attempt >= attempts || !isSerializationFailure(error)) throw error;
    }
  }
}

/** What the ledger holds per (team, couple, week). */
export async function heldPoints(db: Database, leagueId: number): Promise<PointsSum[]> {
  const rows = await db
    .select({
      teamId: leaguePoints.teamId,
      coupleId: leaguePoints.coupleId,
      week: leaguePoints.week,
      points: sql<number>`sum(${leaguePoints.points})`,
    })
    .from(leaguePoints)
    .where(eq(leaguePoints.leagueId, leagueId))
    .groupBy(leaguePoints.teamId, leaguePoints.coupleId, leaguePoints.week);
  return rows.map((r) => ({ ...r, points: Number(r.points) }));
}

export async function appendPoints(
  db: Database,
  leagueId: number,
  entries: readonly (PointsSum & { reason: string })[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await db.insert(leaguePoints).values(entries.slice(i, i + 1000).map((e) => ({ leagueId, ...e })));
  }
}

/** The whole ledger of a league, oldest first (tests and the history). */
export async function pointsLedger(db: Database, leagueId: number): Promise<PointsRow[]> {
  return db.select().from(leaguePoints).where(eq(leaguePoints.leagueId, leagueId)).orderBy(asc(leaguePoints.id));
}
