import { asc, eq, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { leaguePicks, leagues, leagueTeams } from "../../schema/index.js";

export type TeamRow = typeof leagueTeams.$inferSelect;
export type PickRow = typeof leaguePicks.$inferSelect;

export type JoinResult = { joined: true; team: TeamRow } | { joined: false; reason: "closed" | "full" | "member" };

/** Adds a team while the league is open and has room; the league row is locked so the count cannot overshoot. */
export async function joinLeague(
  db: Database,
  input: { leagueId: number; userId: string; name: string; maxTeams: number },
): Promise<JoinResult> {
  return db.transaction(async (tx) => {
    const [league] = await tx.select().from(leagues).where(eq(leagues.id, input.leagueId)).for("update");
    if (league?.status !== "open") return { joined: false, reason: "closed" } as const;
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(leagueTeams)
      .where(eq(leagueTeams.leagueId, input.leagueId));
    if (Number(count?.n ?? 0) >= input.maxTeams) return { joined: false, reason: "full" } as const;
    const [team] = await tx
      .insert(leagueTeams)
      .values({ leagueId: input.leagueId, userId: input.userId, name: input.name })
      .onConflictDoNothing()
      .returning();
    return team ? ({ joined: true, team } as const) : ({ joined: false, reason: "member" } as const);
  });
}

/** Teams in join order, which is round 1's draft order. */
export async function leagueTeamList(db: Database, leagueId: number): Promise<TeamRow[]> {
  return db
    .select()
    .from(leagueTeams)
    .where(eq(leagueTeams.leagueId, leagueId))
    .orderBy(asc(leagueTeams.joinedAt), asc(leagueTeams.id));
}

/** Every turn taken, in order. */
export async function leaguePickList(db: Database, leagueId: number): Promise<PickRow[]> {
  return db.select().from(leaguePicks).where(eq(leaguePicks.leagueId, leagueId)).orderBy(asc(leaguePicks.turn));
}
