import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import { couples, judgeScores, people, performanceCouples, performances, seasons, weeks } from "../schema/index.js";

const celebrity = alias(people, "celebrity");
const pro = alias(people, "pro");

/** One couple's part in a scored dance: the judges' marks summed, how many judges scored, the lowest mark. */
export interface ScoredDanceRow {
  performanceId: number;
  season: number;
  week: number;
  label: string;
  round: string;
  style: string | null;
  song: string | null;
  artist: string | null;
  coupleId: number;
  celebrity: string;
  pro: string;
  proId: number;
  /** How many couples danced it together (1 for a couple's own dance). */
  dancers: number;
  total: number;
  judges: number;
  lowest: number;
}

/**
 * Every scored dance with its couples, optionally within a season or for one pro's couples. Ranking and style
 * matching happen in the domain layer (src/lookups), which folds names the way fans type them.
 */
export async function listScoredDances(
  db: Database,
  filter: { season?: number | null; proId?: number; coupleIds?: number[]; styles?: string[] } = {},
): Promise<ScoredDanceRow[]> {
  const marks = db
    .select({
      performanceId: judgeScores.performanceId,
      total: sql<number>`sum(${judgeScores.score})::float8`.as("total"),
      judges: sql<number>`count(*)::int`.as("judges"),
      lowest: sql<number>`min(${judgeScores.score})::float8`.as("lowest"),
    })
    .from(judgeScores)
    .groupBy(judgeScores.performanceId)
    .as("marks");
  const conditions: SQL[] = [];
  if (filter.season != null) conditions.push(eq(seasons.number, filter.season));
  if (filter.proId !== undefined) conditions.push(eq(couples.proId, filter.proId));
  if (filter.styles !== undefined) {
    if (filter.styles.length === 0) return [];
    conditions.push(inArray(performances.style, filter.styles));
  }
  if (filter.coupleIds !== undefined) {
    if (filter.coupleIds.length === 0) return [];
    conditions.push(inArray(couples.id, filter.coupleIds));
  }
  return db
    .select({
      performanceId: performances.id,
      season: seasons.number,
      week: weeks.number,
      label: weeks.label,
      round: performances.round,
      style: performances.style,
      song: performances.song,
      artist: performances.artist,
      coupleId: couples.id,
      celebrity: celebrity.name,
      pro: pro.name,
      proId: couples.proId,
      dancers: sql<number>`(select count(*)::int from ${performanceCouples} pc where pc.performance_id = ${performances.id})`,
      total: marks.total,
      judges: marks.judges,
      lowest: marks.lowest,
    })
    .from(performances)
    .innerJoin(marks, eq(marks.performanceId, performances.id))
    .innerJoin(weeks, eq(weeks.id, performances.weekId))
    .innerJoin(seasons, eq(seasons.id, weeks.seasonId))
    .innerJoin(performanceCouples, eq(performanceCouples.performanceId, performances.id))
    .innerJoin(couples, eq(couples.id, performanceCouples.coupleId))
    .innerJoin(celebrity, eq(celebrity.id, couples.celebrityId))
    .innerJoin(pro, eq(pro.id, couples.proId))
    .where(conditions.length ? and(...conditions) : undefined);
}

/** How often each style (as written in the season files) was danced: what the style index is built from. */
export async function listStyles(db: Database): Promise<{ style: string; dances: number }[]> {
  const rows = await db
    .select({ style: performances.style, dances: sql<number>`count(*)::int` })
    .from(performances)
    .where(sql`${performances.style} is not null`)
    .groupBy(performances.style);
  return rows.filter((r): r is { style: string; dances: number } => r.style !== null);
}
