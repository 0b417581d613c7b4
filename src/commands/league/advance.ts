import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { advance as release } from "../../leagues/lifecycle.js";
import { loadLeague } from "../../leagues/service.js";
import { chosenLeague, requireLeagueManager, text } from "./access.js";

/** /league advance [all]: a replay's owner scores the next week, or every week left. */
export async function advance(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const all = interaction.options.getBoolean("all") ?? false;
  await respond(
    interaction,
    async () => {
      const league = await chosenLeague(ctx, interaction, interaction.options.getInteger("league"));
      requireLeagueManager(interaction, league, "release its weeks");
      const state = await loadLeague(ctx.db, league.id);
      if (!state) throw new UserError("That league no longer exists.");
      const { from, to } = await release(ctx.db, state, all);
      await ctx.leagues.redraw(league.id);
      const after = await loadLeague(ctx.db, league.id);
      const weeks = to - from === 1 ? `Week ${to} is` : `Weeks ${from + 1}-${to} are`;
      const waivers =
        after?.league.status === "waivers"
          ? ` A couple went home, so waivers are open on the league's message: <@${after.onClock?.userId ?? "0"}> claims first.`
          : after?.league.status === "finished"
            ? " That was the finale: the replay is scored to the end."
            : "";
      return text(`${weeks} scored. See \`/league standings\`.${waivers}`);
    },
    { ephemeral: true },
  );
}
