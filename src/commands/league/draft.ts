import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { loadLeague } from "../../leagues/service.js";
import { chosenLeague } from "./access.js";
import { draftBoardView } from "./view.js";

/** /league draft: the draft board as it stands, privately. */
export async function draft(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await respond(
    interaction,
    async () => {
      const league = await chosenLeague(ctx, interaction, interaction.options.getInteger("league"));
      const state = await loadLeague(ctx.db, league.id);
      if (!state) throw new UserError("That league no longer exists.");
      return draftBoardView(state);
    },
    { ephemeral: true },
  );
}
