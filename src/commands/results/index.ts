import { SlashCommandBuilder } from "@discordjs/builders";
import { seasonOption, seasonWeekChoices, weekOption } from "../../discord/choices.js";
import type { Command } from "../../discord/command.js";
import { isOwnMessage } from "../../discord/ownership.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { getWeekResults } from "../../lookups/results.js";
import { resultsView } from "../../views/results.js";

const buttonId = /^rs:(\d{1,3}):(\d{1,2})$/;

export default {
  data: new SlashCommandBuilder()
    .setName("results")
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

  componentPrefix: "rs",
  async onComponent(interaction, { db }) {
    const match = buttonId.exec(interaction.customId);
    if (!match) throw new UserError("That button does not lead anywhere. Run /results again.");
    const request = { season: Number(match[1]), week: Number(match[2]), guildId: interaction.guildId };
    const draw = async () => resultsView(await getWeekResults(db, request));
    await respond(interaction, draw, isOwnMessage(interaction) ? { update: true } : { ephemeral: true });
  },
} satisfies Command;
