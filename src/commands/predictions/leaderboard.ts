import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { predictionStandings } from "../../polls/predictions.js";
import { boardPageSize, predictionBoardView } from "./view.js";

export function guildOf(guildId: string | null): string {
  if (!guildId) throw new UserError("Predictions are kept per server: run this in a server channel.");
  return guildId;
}

/** A page of the server's ranking, with the member's own place wherever it is. */
export async function boardPage(ctx: BotContext, guildId: string, season: number | null, page: number, userId: string) {
  const shown = await predictionStandings(ctx.db, { guildId, season, page, pageSize: boardPageSize, userId });
  return predictionBoardView(shown.board, season, shown.page, userId);
}

/** `/predictions leaderboard [season]`: the server's ranking, with your own place. */
export async function leaderboard(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildOf(interaction.guildId);
  const season = interaction.options.getInteger("season");
  await respond(interaction, () => boardPage(ctx, guildId, season, 0, interaction.user.id));
}
