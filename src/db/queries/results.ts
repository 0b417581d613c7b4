import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import { judgesSaveVotes, people, seasons, weekResults, weeks } from "../schema/index.js";
import { seasonCast } from "./couples.js";

const judge = alias(people, "judge");

/** Every week of a season with its results, save votes and the couples who left that week, for /results. */
export async function loadSeasonResults(db: Database, number: number, franchise = "dwts-us") {
  const [season] = await db
    .select({ id: seasons.id })
    .from(seasons)
    .where(and(eq(seasons.franchise, franchise), eq(seasons.number, number)));
  if (!season) return null;
  const [weekRows, outcomeRows, voteRows, castRows] = await Promise.all([
    db
      .select({
        id: weeks.id,
        number: weeks.number,
        label: weeks.label,
        theme: weeks.theme,
        airDate: weeks.airDate,
        isFinale: weeks.isFinale,
        noElimination: weeks.noElimination,
        status: weeks.status,
      })
      .from(weeks)
      .where(eq(weeks.seasonId, season.id))
      .orderBy(asc(weeks.number), asc(weeks.label)),
    db
      .select({
        weekId: weekResults.weekId,
        coupleId: weekResults.coupleId,
        outcome: weekResults.outcome,
        note: weekResults.note,
      })
      .from(weekResults)
      .innerJoin(weeks, eq(weeks.id, weekResults.weekId))
      .where(eq(weeks.seasonId, season.id)),
    db
      .select({ weekId: judgesSaveVotes.weekId, judge: judge.name, coupleId: judgesSaveVotes.savedCoupleId })
      .from(judgesSaveVotes)
      .innerJoin(weeks, eq(weeks.id, judgesSaveVotes.weekId))
      .innerJoin(judge, eq(judge.id, judgesSaveVotes.judgeId))
      .where(eq(weeks.seasonId, season.id)),
    seasonCast(db, season.id),
  ]);
  return { season: number, weeks: weekRows, outcomes: outcomeRows, votes: voteRows, cast: castRows };
}

export type SeasonResultsRows = NonNullable<Awaited<ReturnType<typeof loadSeasonResults>>>;
