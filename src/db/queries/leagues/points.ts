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

/** Runs `work` with the league row locked, so two processes scoring one league append its rows once. */
export async function withLeagueLocked<T>(
  db: Database,
  leagueId: number,
  work: (tx: Database, league: typeof leagues.$inferSelect) => Promise<T>,
): Promise<T | null> {
  return db.transaction(async (tx) => {
    const [league] = await tx.select().from(leagues).where(eq(leagues.id, leagueId)).for("update");
    return league ? work(tx, league) : null;
  });
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
