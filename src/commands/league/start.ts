import type { BotContext } from "../../context.js";
import type { ComponentInteraction } from "../../discord/command.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { beginDraft } from "../../leagues/lifecycle.js";
import { loadLeague } from "../../leagues/service.js";
import { requireLeagueManager } from "./access.js";
import { checkLeagueMessage } from "./join.js";
import { leagueMessageView } from "./view.js";

/** Start the draft: the creator or Manage Server, with 2 to 16 teams; the first clock starts. */
export async function start(interaction: ComponentInteraction, ctx: BotContext, leagueId: number): Promise<void> {
  await respond(
    interaction,
    async () => {
      await checkLeagueMessage(ctx, interaction, leagueId);
      const state = await loadLeague(ctx.db, leagueId);
      if (!state) throw new UserError("That league no longer exists.");
      requireLeagueManager(interaction, state.league, "start its draft");
      await beginDraft(ctx.db, state);
      const drafting = await loadLeague(ctx.db, leagueId);
      if (!drafting) throw new UserError("That league no longer exists.");
      return {
        ...leagueMessageView(drafting),
        content: `The draft is on! <@${drafting.onClock?.userId ?? "0"}> picks first.`,
      };
    },
    { update: true },
  );
}
