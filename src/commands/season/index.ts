import { SlashCommandBuilder } from "@discordjs/builders";
import { seasonChoices } from "../../discord/choices.js";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { respond, respondToPress } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { getSeasonOverview } from "../../lookups/season.js";
import { seasonIds } from "./ids.js";
import { seasonView } from "./view.js";

export default {
  data: new SlashCommandBuilder()
    .setName("season")
    .setIntegrationTypes(...availability.anywhere.integrationTypes)
    .setContexts(...availability.anywhere.contexts)
    .setDescription("A season at a glance: dates, hosts, judges, the cast by placement, the winner and the trophy.")
    .addIntegerOption((o) =>
      o
        .setName("number")
        .setDescription("Season number (default: the latest)")
        .setMinValue(1)
        .setMaxValue(99)
        .setAutocomplete(true),
    ),

  async execute(interaction, { db }) {
    const number = interaction.options.getInteger("number");
    await respond(interaction, async () => seasonView(await getSeasonOverview(db, number)));
  },

  async autocomplete(interaction, { db }) {
    await interaction.respond(await seasonChoices(db, String(interaction.options.getFocused())));
  },

  componentPrefix: seasonIds.season.prefix,
  async onComponent(interaction, { db }) {
    const target = seasonIds.season.decode(interaction.customId);
    if (!target) throw new UserError("That button does not lead anywhere. Run /season again.");
    const draw = async () => seasonView(await getSeasonOverview(db, target[0]));
    await respondToPress(interaction, draw);
  },
} satisfies Command;
