/** What a Mirrorball or elimination poll asks and offers: built from the season's couples and recorded results. */
import type { Database } from "../db/client.js";
import { findSeason, seasonCouples, seasonOutcomeRows } from "../db/queries/polls/outcomes.js";
import type { NewPoll } from "../db/queries/polls/polls.js";
import { UserError } from "../errors.js";
import { couplesStillIn, seasonOutcome, upcomingWeek } from "./outcome.js";

export type PredictionPoll = Pick<NewPoll, "kind" | "question" | "seasonId" | "week" | "options">;

export async function predictionPoll(
  db: Database,
  input: { kind: "mirrorball" | "elimination"; season: number | null; week?: number | null },
): Promise<PredictionPoll> {
  const season = await findSeason(db, input.season);
  if (!season) {
    throw new UserError(
      input.season === null
        ? "I have no seasons loaded yet, so there is nobody to vote for."
        : `I have no season ${input.season}. Try a season from 1 to the latest, or leave season empty for the latest.`,
    );
  }
  const [couples, rows] = await Promise.all([seasonCouples(db, season.id), seasonOutcomeRows(db, season.id)]);
  const outcome = seasonOutcome(rows);
  const over = outcome.placements.size > 0;
  if (input.kind === "mirrorball") {
    const week = upcomingWeek(outcome);
    const still = couplesStillIn(couples, outcome, week);
    return {
      kind: "mirrorball",
      question: `Who will win the Mirrorball? (Season ${season.number})`,
      seasonId: season.id,
      week,
      options: checkedOptions(still, season.number),
    };
  }
  const week = input.week ?? upcomingWeek(outcome);
  if (input.week == null && over) {
    throw new UserError(
      `Season ${season.number} is over. To replay it, choose the week: \`/poll elimination season:${season.number} week:3\`.`,
    );
  }
  return {
    kind: "elimination",
    question: `Who goes home this week? (Season ${season.number}, week ${week})`,
    seasonId: season.id,
    week,
    options: checkedOptions(couplesStillIn(couples, outcome, week), season.number, week),
  };
}

function checkedOptions(couples: { id: number; celebrity: string; pro: string }[], season: number, week?: number) {
  if (couples.length < 2) {
    throw new UserError(
      `Fewer than two couples are still dancing in season ${season}${week ? ` by week ${week}` : ""}, so there is nothing to vote on.`,
    );
  }
  if (couples.length > 25) {
    throw new UserError(`Season ${season} has ${couples.length} couples left; a poll can offer at most 25.`);
  }
  return couples.map((c) => ({ label: `${c.celebrity} & ${c.pro}`, coupleId: c.id }));
}
