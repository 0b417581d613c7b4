import { SlashCommandBuilder } from "@discordjs/builders";
import { seasonChoices, seasonOption } from "../../discord/choices.js";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { respond } from "../../discord/respond.js";
import { getRecords } from "../../lookups/records.js";
import { recordsView } from "./view.js";

export default {
  data: new SlashCommandBuilder()
    .setName("records")
    .setIntegrationTypes(...availability.anywhere.integrationTypes)
    .setContexts(...availability.anywhere.contexts)
    .setDescription("Highest and lowest scores, most perfect scores and best averages, all-time or in one season.")
    .addIntegerOption(seasonOption("Only this season")),

  async execute(interaction, { db }) {
    const season = interaction.options.getInteger("season");
    await respond(interaction, async () => recordsView(await getRecords(db, season)));
  },

  async autocomplete(interaction, { db }) {
    await interaction.respond(await seasonChoices(db, String(interaction.options.getFocused())));
  },
} satisfies Command;
