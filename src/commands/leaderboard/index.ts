import { SlashCommandBuilder } from "@discordjs/builders";
import { seasonOption, seasonWeekChoices, weekOption } from "../../discord/choices.js";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { respond, respondToPress } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { getLeaderboard } from "../../lookups/leaderboard.js";
import { nearestWeek } from "../../lookups/navigation.js";
import { leaderboardIds } from "./ids.js";
import { leaderboardView } from "./view.js";

export default {
  data: new SlashCommandBuilder()
    .setName("leaderboard")
    .setIntegrationTypes(...availability.anywhere.integrationTypes)
    .setContexts(...availability.anywhere.contexts)
    .setDescription("The judges' leaderboard of a week: every dance, each judge's score and the totals.")
    .addIntegerOption(seasonOption())
    .addIntegerOption(weekOption()),

  async execute(interaction, { db }) {
    const season = interaction.options.getInteger("season");
    const week = interaction.options.getInteger("week");
    await respond(interaction, async () => leaderboardView(await getLeaderboard(db, { season, week })));
  },

  async autocomplete(interaction, { db }) {
    await interaction.respond(await seasonWeekChoices(db, interaction));
  },

  componentPrefix: leaderboardIds.week.prefix,
  async onComponent(interaction, { db }) {
    const id = interaction.customId;
    const seasonButton = leaderboardIds.season.decode(id);
    const target = leaderboardIds.week.decode(id) ?? leaderboardIds.page.decode(id) ?? seasonButton;
    if (!target) throw new UserError("That button does not lead anywhere. Run /leaderboard again.");
    const [season, wanted, page] = target;
    const draw = async () => {
      // A season button carries the week being shown; the other season may not have it.
      const week = seasonButton ? await nearestWeek(db, season, wanted) : wanted;
      return leaderboardView(await getLeaderboard(db, { season, week }), page);
    };
    await respondToPress(interaction, draw);
  },
} satisfies Command;
