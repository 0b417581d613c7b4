import { SlashCommandBuilder } from "@discordjs/builders";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { respond, respondToPress } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { getProCareer } from "../../lookups/pro.js";
import { proIds } from "./ids.js";
import { proView } from "./view.js";

export default {
  data: new SlashCommandBuilder()
    .setName("pro")
    .setIntegrationTypes(...availability.anywhere.integrationTypes)
    .setContexts(...availability.anywhere.contexts)
    .setDescription("A pro's career: every season with partner and placement, titles won and average scores.")
    .addStringOption((o) =>
      o
        .setName("name")
        .setDescription("The pro, e.g. Val Chmerkovskiy")
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    ),

  async execute(interaction, { db, pros }) {
    const pro = pros.resolve(interaction.options.getString("name", true));
    await respond(interaction, async () => proView(await getProCareer(db, pro.item.personId)));
  },

  async autocomplete(interaction, { pros }) {
    await interaction.respond(pros.suggest(interaction.options.getFocused()));
  },

  componentPrefix: proIds.page.prefix,
  async onComponent(interaction, { db }) {
    const page = proIds.page.decode(interaction.customId);
    if (!page) throw new UserError("That button does not lead anywhere. Run /pro again.");
    const draw = async () => proView(await getProCareer(db, page[0]), page[1]);
    await respondToPress(interaction, draw);
  },
} satisfies Command;
