import { SlashCommandBuilder } from "@discordjs/builders";
import { seasonChoices, seasonOption } from "../../discord/choices.js";
import type { Command } from "../../discord/command.js";
import { availability } from "../../discord/contexts.js";
import { respondToPress } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { exportPredictions } from "./export.js";
import { predictionsIds } from "./ids.js";
import { boardPage, guildOf, leaderboard } from "./leaderboard.js";
import { me } from "./me.js";

/** One handler per subcommand, each in its own file beside this one. */
const subcommands = { leaderboard, me, export: exportPredictions };

export default {
  data: new SlashCommandBuilder()
    .setName("predictions")
    .setIntegrationTypes(...availability.serverOnly.integrationTypes)
    .setContexts(...availability.serverOnly.contexts)
    .setDescription("Prediction points from the Mirrorball and elimination polls.")
    .addSubcommand((s) =>
      s
        .setName("leaderboard")
        .setDescription("The server's ranking, with your own place.")
        .addIntegerOption(seasonOption("Only this season's polls (default: all)")),
    )
    .addSubcommand((s) =>
      s
        .setName("me")
        .setDescription("Your picks and the points they earned.")
        .addIntegerOption(seasonOption("Only this season's polls (default: all)")),
    )
    .addSubcommand((s) =>
      s.setName("export").setDescription("Every prediction point of this server as a CSV file (Manage Server)."),
    ),

  async execute(interaction, ctx) {
    const handler = subcommands[interaction.options.getSubcommand() as keyof typeof subcommands] ?? leaderboard;
    await handler(interaction, ctx);
  },

  async autocomplete(interaction, ctx) {
    await interaction.respond(await seasonChoices(ctx.db, String(interaction.options.getFocused())));
  },

  componentPrefix: predictionsIds.page.prefix,
  async onComponent(interaction, ctx) {
    const page =
      predictionsIds.page.decode(interaction.customId) ?? predictionsIds.nextPage.decode(interaction.customId);
    if (!page) throw new UserError("That button does not lead anywhere. Run /predictions leaderboard again.");
    const guildId = guildOf(interaction.guildId);
    const draw = () => boardPage(ctx, guildId, page[0] || null, page[1], interaction.user.id);
    await respondToPress(interaction, draw);
  },
} satisfies Command;
