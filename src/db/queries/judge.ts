import { and, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import { judgeScores, performances, seasons, weekJudges, weeks } from "../schema/index.js";

const others = alias(judgeScores, "others");

/** One mark a judge gave, next to what the rest of the panel gave the same dance. */
export interface JudgeMarkRow {
  season: number;
  week: number;
  score: number;
  /** Sum and count of the other judges' marks on that dance (0 and 0 when they judged alone). */
  othersTotal: number;
  othersCount: number;
}

export async function listJudgeMarks(db: Database, judgeId: number): Promise<JudgeMarkRow[]> {
  return db
    .select({
      season: seasons.number,
      week: weeks.number,
      score: judgeScores.score,
      othersTotal: sql<number>`coalesce(sum(${others.score}), 0)::float8`,
      othersCount: sql<number>`count(${others.score})::int`,
    })
    .from(judgeScores)
    .innerJoin(performances, eq(performances.id, judgeScores.performanceId))
    .innerJoin(weeks, eq(weeks.id, performances.weekId))
    .innerJoin(seasons, eq(seasons.id, weeks.seasonId))
    .leftJoin(
      others,
      and(eq(others.performanceId, judgeScores.performanceId), ne(others.position, judgeScores.position)),
    )
    .where(eq(judgeScores.judgeId, judgeId))
    .groupBy(judgeScores.performanceId, judgeScores.position, seasons.number, weeks.number, judgeScores.score);
}

/** The weeks a person sat on the panel, and whether as a guest: seasons judged, counted even without scores. */
export async function listJudgedWeeks(db: Database, judgeId: number) {
  return db
    .select({ season: seasons.number, week: weeks.number, isGuest: weekJudges.isGuest })
    .from(weekJudges)
    .innerJoin(weeks, eq(weeks.id, weekJudges.weekId))
    .innerJoin(seasons, eq(seasons.id, weeks.seasonId))
    .where(eq(weekJudges.personId, judgeId));
}
