import { SlashCommandBuilder } from "@discordjs/builders";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { respond, respondToPress } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { getCoupleCard } from "../../lookups/couple.js";
import { coupleIds } from "./ids.js";
import { coupleViewWithChart } from "./view.js";

export default {
  data: new SlashCommandBuilder()
    .setName("couple")
    .setIntegrationTypes(...availability.anywhere.integrationTypes)
    .setContexts(...availability.anywhere.contexts)
    .setDescription("A celebrity and their pro: placement, every dance with its scores, their average and a chart.")
    .addStringOption((o) =>
      o
        .setName("name")
        .setDescription("Celebrity or pro, e.g. Xochitl Gomez")
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addIntegerOption((o) =>
      o
        .setName("season")
        .setDescription("Season, for a pro or a celebrity who danced more than once")
        .setMinValue(1)
        .setMaxValue(99),
    ),

  async execute(interaction, { db, names }) {
    const match = names.resolve(interaction.options.getString("name", true), interaction.options.getInteger("season"));
    await respond(interaction, async () =>
      coupleViewWithChart(await getCoupleCard(db, match.entry.coupleId), 0, match.otherSeasons),
    );
  },

  async autocomplete(interaction, { names }) {
    await interaction.respond(
      names.suggest(interaction.options.getFocused(), 25, interaction.options.getInteger("season")),
    );
  },

  componentPrefix: coupleIds.page.prefix,
  async onComponent(interaction, { db }) {
    const page = coupleIds.page.decode(interaction.customId);
    if (!page) throw new UserError("That button does not lead anywhere. Run /couple again.");
    const draw = async () => coupleViewWithChart(await getCoupleCard(db, page[0]), page[1]);
    await respondToPress(interaction, draw);
  },
} satisfies Command;
