import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { respond } from "../../discord/respond.js";
import { memberPicks } from "../../polls/predictions.js";
import { guildOf } from "./leaderboard.js";
import { pickHistoryView } from "./view.js";

/** `/predictions me [season]`: your picks and the points they earned, privately. */
export async function me(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildOf(interaction.guildId);
  const season = interaction.options.getInteger("season");
  await respond(
    interaction,
    async () => {
      const { picks, points } = await memberPicks(ctx.db, { guildId, season, userId: interaction.user.id, limit: 20 });
      return pickHistoryView(picks, points);
    },
    { ephemeral: true },
  );
}
