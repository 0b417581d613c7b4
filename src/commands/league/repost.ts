import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { respond } from "../../discord/respond.js";
import { chosenLeague, requireLeagueManager, text } from "./access.js";

/** /league repost: the league's live message again, here (creator or Manage Server). */
export async function repost(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await respond(
    interaction,
    async () => {
      const league = await chosenLeague(ctx, interaction, interaction.options.getInteger("league"));
      requireLeagueManager(interaction, league, "repost its message");
      await ctx.leagues.repost(league.id, interaction.channelId);
      return text(
        `League #${league.id}'s message is posted again in this channel; the old one no longer takes clicks.`,
      );
    },
    { ephemeral: true },
  );
}
