import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import { couples, people, seasonStaff, seasons, weeks } from "../schema/index.js";

const celebrity = alias(people, "celebrity");
const pro = alias(people, "pro");

/** One season's facts for /season: dates, trophy, hosts and judges, the cast and how many weeks it ran. */
export async function loadSeasonOverview(db: Database, number: number, franchise = "dwts-us") {
  const [season] = await db
    .select()
    .from(seasons)
    .where(and(eq(seasons.franchise, franchise), eq(seasons.number, number)));
  if (!season) return null;
  const [staff, cast, weekRows] = await Promise.all([
    db
      .select({ role: seasonStaff.role, name: people.name })
      .from(seasonStaff)
      .innerJoin(people, eq(people.id, seasonStaff.personId))
      .where(eq(seasonStaff.seasonId, season.id))
      .orderBy(asc(seasonStaff.role), asc(seasonStaff.position)),
    db
      .select({
        id: couples.id,
        celebrity: celebrity.name,
        pro: pro.name,
        notability: couples.notability,
        placement: couples.placement,
        result: couples.result,
        exitWeek: couples.exitWeek,
        withdrew: couples.withdrew,
      })
      .from(couples)
      .innerJoin(celebrity, eq(celebrity.id, couples.celebrityId))
      .innerJoin(pro, eq(pro.id, couples.proId))
      .where(eq(couples.seasonId, season.id)),
    db
      .select({ number: weeks.number, noElimination: weeks.noElimination, isFinale: weeks.isFinale })
      .from(weeks)
      .where(eq(weeks.seasonId, season.id)),
  ]);
  return {
    number: season.number,
    title: season.title,
    premiere: season.premiere,
    finale: season.finale,
    trophy: season.trophy,
    hosts: staff.filter((s) => s.role === "host").map((s) => s.name),
    judges: staff.filter((s) => s.role === "judge").map((s) => s.name),
    cast,
    weeks: weekRows,
  };
}

export type SeasonOverviewRow = NonNullable<Awaited<ReturnType<typeof loadSeasonOverview>>>;
