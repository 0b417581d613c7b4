import { and, asc, eq, inArray, isNotNull, lt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../client.js";
import { couples, people, seasons, weekResults, weeks } from "../../schema/index.js";

const celebrity = alias(people, "celebrity");
const pro = alias(people, "pro");

export interface LeagueSeason {
  id: number;
  number: number;
  /** A winner is recorded: the season is over, so a league on it is a replay. */
  decided: boolean;
}

export async function leagueSeason(db: Database, seasonId: number): Promise<LeagueSeason | null> {
  const [season] = await db
    .select({ id: seasons.id, number: seasons.number })
    .from(seasons)
    .where(eq(seasons.id, seasonId));
  if (!season) return null;
  const [winner] = await db
    .select({ id: couples.id })
    .from(couples)
    .where(and(eq(couples.seasonId, seasonId), eq(couples.placement, 1)))
    .limit(1);
  return { ...season, decided: winner !== undefined };
}

export async function findSeasonByNumber(db: Database, number: number, franchise = "dwts-us") {
  const [row] = await db
    .select({ id: seasons.id, number: seasons.number })
    .from(seasons)
    .where(and(eq(seasons.franchise, franchise), eq(seasons.number, number)));
  return row ?? null;
}

export interface CastCouple {
  id: number;
  celebrity: string;
  pro: string;
  proId: number;
  placement: number | null;
}

export async function castOf(db: Database, seasonId: number): Promise<CastCouple[]> {
  return db
    .select({
      id: couples.id,
      celebrity: celebrity.name,
      pro: pro.name,
      proId: couples.proId,
      placement: couples.placement,
    })
    .from(couples)
    .innerJoin(celebrity, eq(celebrity.id, couples.celebrityId))
    .innerJoin(pro, eq(pro.id, couples.proId))
    .where(eq(couples.seasonId, seasonId))
    .orderBy(asc(celebrity.name));
}

export interface ProSeasonRow {
  proId: number;
  season: number;
  placement: number | null;
}

/** These pros' placements in the seasons before `beforeSeason` (their record going into the draft). */
export async function proPlacementsBefore(
  db: Database,
  proIds: number[],
  beforeSeason: number,
  franchise = "dwts-us",
): Promise<ProSeasonRow[]> {
  if (proIds.length === 0) return [];
  return db
    .select({ proId: couples.proId, season: seasons.number, placement: couples.placement })
    .from(couples)
    .innerJoin(seasons, eq(seasons.id, couples.seasonId))
    .where(and(inArray(couples.proId, proIds), lt(seasons.number, beforeSeason), eq(seasons.franchise, franchise)));
}

export interface SeasonWeekRow {
  id: number;
  number: number;
  isFinale: boolean;
  noElimination: boolean;
}

export async function weeksOf(db: Database, seasonId: number): Promise<SeasonWeekRow[]> {
  return db
    .select({ id: weeks.id, number: weeks.number, isFinale: weeks.isFinale, noElimination: weeks.noElimination })
    .from(weeks)
    .where(eq(weeks.seasonId, seasonId))
    .orderBy(asc(weeks.number), asc(weeks.label));
}

export interface ExitRow {
  week: number;
  coupleId: number;
  outcome: "eliminated" | "withdrew";
}

/** Who went home (or withdrew) in which week of a season. */
export async function exitsOf(db: Database, seasonId: number): Promise<ExitRow[]> {
  const rows = await db
    .select({ week: weeks.number, coupleId: weekResults.coupleId, outcome: weekResults.outcome })
    .from(weekResults)
    .innerJoin(weeks, eq(weeks.id, weekResults.weekId))
    .where(and(eq(weeks.seasonId, seasonId), inArray(weekResults.outcome, ["eliminated", "withdrew"])));
  return rows as ExitRow[];
}

/** Final placements, for the finale's points (only meaningful once a winner is recorded). */
export async function placementsOf(db: Database, seasonId: number): Promise<{ coupleId: number; placement: number }[]> {
  const rows = await db
    .select({ coupleId: couples.id, placement: couples.placement })
    .from(couples)
    .where(and(eq(couples.seasonId, seasonId), isNotNull(couples.placement)));
  return rows.map((r) => ({ coupleId: r.coupleId, placement: r.placement as number }));
}
