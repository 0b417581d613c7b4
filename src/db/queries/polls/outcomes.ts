import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../client.js";
import { couples, people, seasons, weekResults, weeks } from "../../schema/index.js";

const celebrity = alias(people, "celebrity");
const pro = alias(people, "pro");

export interface SeasonRef {
  id: number;
  number: number;
  franchise: string;
}

export async function findSeason(
  db: Database,
  number: number | null,
  franchise = "dwts-us",
): Promise<SeasonRef | null> {
  const [row] = await db
    .select({ id: seasons.id, number: seasons.number, franchise: seasons.franchise })
    .from(seasons)
    .where(and(eq(seasons.franchise, franchise), number === null ? undefined : eq(seasons.number, number)))
    .orderBy(desc(seasons.number))
    .limit(1);
  return row ?? null;
}

export interface SeasonCouple {
  id: number;
  celebrity: string;
  pro: string;
  exitWeek: number | null;
}

export async function seasonCouples(db: Database, seasonId: number): Promise<SeasonCouple[]> {
  return db
    .select({ id: couples.id, celebrity: celebrity.name, pro: pro.name, exitWeek: couples.exitWeek })
    .from(couples)
    .innerJoin(celebrity, eq(celebrity.id, couples.celebrityId))
    .innerJoin(pro, eq(pro.id, couples.proId))
    .where(eq(couples.seasonId, seasonId))
    .orderBy(asc(celebrity.name));
}

export interface SeasonOutcomeRows {
  /** `status`: null once aired; "announced"/"scheduled" for a week of a season on the air not aired yet. */
  weeks: { number: number; noElimination: boolean; isFinale: boolean; status: "announced" | "scheduled" | null }[];
  exits: { week: number; coupleId: number }[];
  placed: { coupleId: number; placement: number | null }[];
}

/**
 * What the show tables record of a season's outcome (data/ or the owners' /admin changes, loaded by the same seeder):
 * its weeks, the eliminations and withdrawals by week, and the placements.
 */
export async function seasonOutcomeRows(db: Database, seasonId: number): Promise<SeasonOutcomeRows> {
  const [seasonWeeks, exits, placed] = await Promise.all([
    db
      .select({
        number: weeks.number,
        noElimination: weeks.noElimination,
        isFinale: weeks.isFinale,
        status: weeks.status,
      })
      .from(weeks)
      .where(eq(weeks.seasonId, seasonId)),
    db
      .select({ week: weeks.number, coupleId: weekResults.coupleId })
      .from(weekResults)
      .innerJoin(weeks, eq(weeks.id, weekResults.weekId))
      .where(and(eq(weeks.seasonId, seasonId), inArray(weekResults.outcome, ["eliminated", "withdrew"]))),
    db
      .select({ coupleId: couples.id, placement: couples.placement })
      .from(couples)
      .where(and(eq(couples.seasonId, seasonId), isNotNull(couples.placement))),
  ]);
  return { weeks: seasonWeeks, exits, placed };
}
