import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { loadLeague, teamSheet } from "../../leagues/service.js";
import { teamOf } from "../../leagues/state.js";
import { chosenLeague } from "./access.js";
import { teamView } from "./view.js";

/** /league team [member]: a roster with each couple's weekly points (yours by default). */
export async function team(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const member = interaction.options.getUser("member") ?? interaction.user;
  await respond(interaction, async () => {
    const league = await chosenLeague(ctx, interaction, interaction.options.getInteger("league"));
    const state = await loadLeague(ctx.db, league.id);
    if (!state) throw new UserError("That league no longer exists.");
    const found = teamOf(state, member.id);
    if (!found) {
      throw new UserError(
        member.id === interaction.user.id
          ? "You have no team in this league. Join on its message before the draft starts."
          : "That member has no team in this league.",
      );
    }
    return teamView(state, found.name, found.userId, await teamSheet(ctx.db, state, found.id));
  });
}
