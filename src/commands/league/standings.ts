import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { loadLeague, standingsOf } from "../../leagues/service.js";
import { chosenLeague } from "./access.js";
import { standingsView } from "./view.js";

/** /league standings: rank, team, points, this week's change, and the chart of points by week. */
export async function standings(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await respond(interaction, async () => {
    const league = await chosenLeague(ctx, interaction, interaction.options.getInteger("league"));
    const state = await loadLeague(ctx.db, league.id);
    if (!state) throw new UserError("That league no longer exists.");
    return standingsView(state, await standingsOf(ctx.db, state));
  });
}
