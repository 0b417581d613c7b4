import { asc, eq, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import { couples, people, performanceCouples, performances, seasons, weeklyScores, weeks } from "../schema/index.js";

const celebrity = alias(people, "celebrity");
const pro = alias(people, "pro");

/** Every couple of every season: what the in-memory name index is built from. */
/** A couple as the name index holds it. */
export interface CoupleEntry {
  coupleId: number;
  season: number;
  celebrity: string;
  pro: string;
  placement: number | null;
}

export async function listCoupleEntries(db: Database): Promise<CoupleEntry[]> {
  return db
    .select({
      coupleId: couples.id,
      season: seasons.number,
      celebrity: celebrity.name,
      pro: pro.name,
      placement: couples.placement,
    })
    .from(couples)
    .innerJoin(seasons, eq(seasons.id, couples.seasonId))
    .innerJoin(celebrity, eq(celebrity.id, couples.celebrityId))
    .innerJoin(pro, eq(pro.id, couples.proId));
}

/** What a couple is, in every query that shows one: who, and how their season ended. */
const coupleFields = {
  id: couples.id,
  celebrity: celebrity.name,
  pro: pro.name,
  notability: couples.notability,
  placement: couples.placement,
  result: couples.result,
  exitWeek: couples.exitWeek,
  withdrew: couples.withdrew,
};

export async function findCouple(db: Database, coupleId: number) {
  const [row] = await db
    .select({ ...coupleFields, season: seasons.number, trophy: seasons.trophy })
    .from(couples)
    .innerJoin(seasons, eq(seasons.id, couples.seasonId))
    .innerJoin(celebrity, eq(celebrity.id, couples.celebrityId))
    .innerJoin(pro, eq(pro.id, couples.proId))
    .where(eq(couples.id, coupleId));
  return row ?? null;
}

/** Ids of the weeks in which a couple danced or has weekly figures, in order. */
export async function coupleWeekIds(db: Database, coupleId: number): Promise<number[]> {
  const rows = await db
    .selectDistinct({ id: weeks.id, number: weeks.number, label: weeks.label })
    .from(weeks)
    .leftJoin(performances, eq(performances.weekId, weeks.id))
    .leftJoin(performanceCouples, eq(performanceCouples.performanceId, performances.id))
    .leftJoin(weeklyScores, eq(weeklyScores.weekId, weeks.id))
    .where(or(eq(performanceCouples.coupleId, coupleId), eq(weeklyScores.coupleId, coupleId)))
    .orderBy(asc(weeks.number), asc(weeks.label));
  return rows.map((r) => r.id);
}

/** A season's cast: each couple with placement and how they left. */
export function seasonCast(db: Database, seasonId: number) {
  return db
    .select(coupleFields)
    .from(couples)
    .innerJoin(celebrity, eq(celebrity.id, couples.celebrityId))
    .innerJoin(pro, eq(pro.id, couples.proId))
    .where(eq(couples.seasonId, seasonId));
}
