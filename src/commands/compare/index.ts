import { SlashCommandBuilder } from "@discordjs/builders";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { respond } from "../../discord/respond.js";
import { getComparison } from "../../lookups/compare.js";
import { compareView } from "./view.js";

export default {
  data: new SlashCommandBuilder()
    .setName("compare")
    .setIntegrationTypes(...availability.anywhere.integrationTypes)
    .setContexts(...availability.anywhere.contexts)
    .setDescription("Two couples side by side: placements, averages, best dances and a week-by-week chart.")
    .addStringOption((o) =>
      o
        .setName("a")
        .setDescription("First couple: celebrity or pro, e.g. Xochitl Gomez")
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addStringOption((o) =>
      o
        .setName("b")
        .setDescription("Second couple, e.g. Charity Lawson")
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    ),

  async execute(interaction, { db, names }) {
    const a = names.resolve(interaction.options.getString("a", true));
    const b = names.resolve(interaction.options.getString("b", true));
    await respond(interaction, async () => compareView(await getComparison(db, a.entry.coupleId, b.entry.coupleId)));
  },

  async autocomplete(interaction, { names }) {
    await interaction.respond(names.suggest(interaction.options.getFocused()));
  },
} satisfies Command;
