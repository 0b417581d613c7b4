import { SlashCommandBuilder } from "@discordjs/builders";
import { seasonChoices, seasonOption } from "../../discord/choices.js";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { respond, respondToPress } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { getStyleBest } from "../../lookups/dance.js";
import { danceIds } from "./ids.js";
import { danceView } from "./view.js";

export default {
  data: new SlashCommandBuilder()
    .setName("dance")
    .setIntegrationTypes(...availability.anywhere.integrationTypes)
    .setContexts(...availability.anywhere.contexts)
    .setDescription("The best-scored performances of a dance style, across the show or in one season.")
    .addStringOption((o) =>
      o
        .setName("style")
        .setDescription("Dance style, e.g. Argentine tango")
        .setRequired(true)
        .setMaxLength(100)
        .setAutocomplete(true),
    )
    .addIntegerOption(seasonOption("Only this season")),

  async execute(interaction, { db, styles }) {
    const style = styles.resolve(interaction.options.getString("style", true));
    const season = interaction.options.getInteger("season");
    await respond(interaction, async () => danceView(await getStyleBest(db, style, season)));
  },

  async autocomplete(interaction, { db, styles }) {
    const focused = interaction.options.getFocused(true);
    await interaction.respond(
      focused.name === "season"
        ? await seasonChoices(db, String(focused.value))
        : styles.suggest(String(focused.value)),
    );
  },

  componentPrefix: danceIds.page.prefix,
  async onComponent(interaction, { db, styles }) {
    const page = danceIds.page.decode(interaction.customId);
    const style = page ? styles.byFolded(page[2]) : undefined;
    if (!page || !style) throw new UserError("That button does not lead anywhere any more. Run /dance again.");
    const season = page[0] || null;
    const draw = async () => danceView(await getStyleBest(db, style, season), page[1]);
    await respondToPress(interaction, draw);
  },
} satisfies Command;
