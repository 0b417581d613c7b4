import { SlashCommandBuilder } from "@discordjs/builders";
import { seasonOption, seasonWeekChoices, weekOption } from "../../discord/choices.js";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { respond, respondToPress } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { getWeekResults } from "../../lookups/results.js";
import { resultsIds } from "./ids.js";
import { resultsView } from "./view.js";

export default {
  data: new SlashCommandBuilder()
    .setName("results")
    .setIntegrationTypes(...availability.anywhere.integrationTypes)
    .setContexts(...availability.anywhere.contexts)
    .setDescription(
      "Who went home in a week, who was in jeopardy, the judges' save votes, and the finale's placements.",
    )
    .addIntegerOption(seasonOption())
    .addIntegerOption(weekOption()),

  async execute(interaction, { db }) {
    const request = {
      season: interaction.options.getInteger("season"),
      week: interaction.options.getInteger("week"),
      guildId: interaction.guildId,
    };
    await respond(interaction, async () => resultsView(await getWeekResults(db, request)));
  },

  async autocomplete(interaction, { db }) {
    await interaction.respond(await seasonWeekChoices(db, interaction));
  },

  componentPrefix: resultsIds.week.prefix,
  async onComponent(interaction, { db }) {
    const target = resultsIds.week.decode(interaction.customId);
    if (!target) throw new UserError("That button does not lead anywhere. Run /results again.");
    const request = { season: target[0], week: target[1], guildId: interaction.guildId };
    const draw = async () => resultsView(await getWeekResults(db, request));
    await respondToPress(interaction, draw);
  },
} satisfies Command;
