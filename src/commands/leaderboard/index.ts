import { SlashCommandBuilder } from "@discordjs/builders";
import { listSeasonNumbers } from "../../db/queries/seasons.js";
import { seasonOption, seasonWeekChoices, weekOption } from "../../discord/choices.js";
import type { Command } from "../../discord/command.js";
import { isOwnMessage } from "../../discord/ownership.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { getLeaderboard } from "../../lookups/leaderboard.js";
import { nearestWeek } from "../../lookups/navigation.js";
import { leaderboardView } from "../../views/leaderboard.js";

const buttonId = /^lb:(\d{1,3}):(\d{1,2}):(-?\d{1,2})(?::(page|season))?$/;

export default {
  data: new SlashCommandBuilder()
    .setName("leaderboard")
    .setDescription("The judges' leaderboard of a week: every dance, each judge's score and the totals.")
    .addIntegerOption(seasonOption())
    .addIntegerOption(weekOption()),

  async execute(interaction, { db }) {
    const season = interaction.options.getInteger("season");
    const week = interaction.options.getInteger("week");
    await respond(interaction, async () =>
      leaderboardView(await getLeaderboard(db, { season, week }), 0, await listSeasonNumbers(db)),
    );
  },

  async autocomplete(interaction, { db }) {
    await interaction.respond(await seasonWeekChoices(db, interaction));
  },

  componentPrefix: "lb",
  async onComponent(interaction, { db }) {
    const match = buttonId.exec(interaction.customId);
    if (!match) throw new UserError("That button does not lead anywhere. Run /leaderboard again.");
    const [season, wanted, page] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const draw = async () => {
      // A season button carries the week being shown; the other season may not have it.
      const week = match[4] === "season" ? await nearestWeek(db, season, wanted) : wanted;
      return leaderboardView(await getLeaderboard(db, { season, week }), page, await listSeasonNumbers(db));
    };
    // Someone else's navigation: give the presser a private copy rather than moving the owner's message.
    await respond(interaction, draw, isOwnMessage(interaction) ? { update: true } : { ephemeral: true });
  },
} satisfies Command;
