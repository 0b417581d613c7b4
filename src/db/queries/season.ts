import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../client.js";
import { people, seasonStaff, seasons, weeks } from "../schema/index.js";
import { seasonCast } from "./couples.js";

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
    seasonCast(db, season.id),
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
