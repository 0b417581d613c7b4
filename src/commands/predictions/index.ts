import { SlashCommandBuilder } from "@discordjs/builders";
import { findSeason, pickHistory, predictionBoard } from "../../db/queries/polls/index.js";
import { seasonChoices, seasonOption } from "../../discord/choices.js";
import type { BotContext, Command } from "../../discord/command.js";
import { isOwnMessage } from "../../discord/ownership.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { boardPageSize, pickHistoryView, predictionBoardView } from "../../views/pollPredictions.js";
import { predictionsIds } from "./ids.js";

async function seasonId(ctx: BotContext, season: number | null): Promise<number | null> {
  if (season === null) return null;
  const found = await findSeason(ctx.db, season);
  if (!found) throw new UserError(`I have no season ${season}; leave season empty for every season.`);
  return found.id;
}

function guildOf(guildId: string | null): string {
  if (!guildId) throw new UserError("Predictions are kept per server: run this in a server channel.");
  return guildId;
}

async function board(ctx: BotContext, guildId: string, season: number | null, page: number, userId: string) {
  const input = { guildId, seasonId: await seasonId(ctx, season), userId, limit: boardPageSize };
  const first = await predictionBoard(ctx.db, { ...input, offset: Math.max(0, page) * boardPageSize });
  const last = Math.max(0, Math.ceil(first.members / boardPageSize) - 1);
  // A page past the end (the board shrank since the button was drawn) shows the last page instead.
  if (page <= last) return predictionBoardView(first, season, Math.max(0, page), userId);
  return predictionBoardView(
    await predictionBoard(ctx.db, { ...input, offset: last * boardPageSize }),
    season,
    last,
    userId,
  );
}

export default {
  data: new SlashCommandBuilder()
    .setName("predictions")
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
    ),

  async execute(interaction, ctx) {
    const guildId = guildOf(interaction.guildId);
    const season = interaction.options.getInteger("season");
    if (interaction.options.getSubcommand() === "leaderboard") {
      await respond(interaction, () => board(ctx, guildId, season, 0, interaction.user.id));
      return;
    }
    await respond(
      interaction,
      async () => {
        const input = { guildId, userId: interaction.user.id, seasonId: await seasonId(ctx, season) };
        const picks = await pickHistory(ctx.db, { ...input, limit: 20 });
        const mine = await predictionBoard(ctx.db, { ...input, offset: 0, limit: 0 });
        return pickHistoryView(picks, mine.me?.points ?? 0);
      },
      { ephemeral: true },
    );
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
    const draw = () => board(ctx, guildId, page[0] || null, page[1], interaction.user.id);
    await respond(interaction, draw, isOwnMessage(interaction) ? { update: true } : { ephemeral: true });
  },
} satisfies Command;
