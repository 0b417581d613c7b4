import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { SeasonOutcome } from "../../../polls/outcome.js";
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

/**
 * The season's outcome as the show tables record it (data/ or the owners' /admin changes, loaded by the same seeder):
 * eliminations and withdrawals by week, and the finale placements once a winner is recorded.
 */
export async function seasonOutcome(db: Database, season: SeasonRef): Promise<SeasonOutcome> {
  const [seasonWeeks, exits, placed] = await Promise.all([
    db
      .select({
        number: weeks.number,
        noElimination: weeks.noElimination,
        isFinale: weeks.isFinale,
        status: weeks.status,
      })
      .from(weeks)
      .where(eq(weeks.seasonId, season.id)),
    db
      .select({ week: weeks.number, coupleId: weekResults.coupleId })
      .from(weekResults)
      .innerJoin(weeks, eq(weeks.id, weekResults.weekId))
      .where(and(eq(weeks.seasonId, season.id), inArray(weekResults.outcome, ["eliminated", "withdrew"]))),
    db
      .select({ coupleId: couples.id, placement: couples.placement })
      .from(couples)
      .where(and(eq(couples.seasonId, season.id), isNotNull(couples.placement))),
  ]);

  const eliminations = new Map<number, number[]>();
  // A week of a season on the air that has not aired yet (announced, scheduled) has no outcome yet.
  for (const w of seasonWeeks) if ((w.noElimination || w.isFinale) && !w.status) eliminations.set(w.number, []);
  for (const e of exits) eliminations.set(e.week, [...(eliminations.get(e.week) ?? []), e.coupleId]);
  // Couples who left have a placement from the start; the finale's placements count once a winner is recorded.
  const decided = placed.some((p) => p.placement === 1);
  const placements = new Map<number, number>(decided ? placed.map((p) => [p.coupleId, p.placement as number]) : []);
  return { eliminations, placements };
}
