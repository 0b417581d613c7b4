import type { BotContext } from "../../context.js";
import { getLeague } from "../../db/queries/leagues/index.js";
import type { ComponentInteraction } from "../../discord/command.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { join as joinLeague } from "../../leagues/lifecycle.js";
import { loadLeague } from "../../leagues/service.js";
import { guildOf } from "./access.js";
import { leagueMessageView } from "./view.js";

/** Refuses a click that did not come from the league's own message in this server. */
export async function checkLeagueMessage(
  ctx: BotContext,
  interaction: ComponentInteraction,
  leagueId: number,
): Promise<void> {
  const guildId = guildOf(interaction);
  const league = await getLeague(ctx.db, leagueId);
  if (!league || league.guildId !== guildId || league.messageId !== interaction.message.id) {
    throw new UserError("That button does not belong to a league of this server. Use the league's own message.");
  }
}

/** Join: a team named after the member, while the league is open. */
export async function join(interaction: ComponentInteraction, ctx: BotContext, leagueId: number): Promise<void> {
  const member = interaction.member;
  const display =
    (member && "displayName" in member ? member.displayName : null) ??
    interaction.user.globalName ??
    interaction.user.username;
  let drawn = 0;
  // Everything reads the database inside respond(), so a crowd joining at once is deferred in time, never dropped.
  await respond(
    interaction,
    async () => {
      await checkLeagueMessage(ctx, interaction, leagueId);
      await joinLeague(ctx.db, leagueId, interaction.user.id, `Team ${display}`.slice(0, 60));
      const state = await loadLeague(ctx.db, leagueId);
      if (!state) throw new UserError("That league no longer exists.");
      drawn = state.teams.length;
      return leagueMessageView(state);
    },
    { update: true },
  );
  // Joins at the same moment can land their updates out of order; the last to see a newer list redraws it.
  const now = await loadLeague(ctx.db, leagueId);
  if (now && now.league.status === "open" && now.teams.length !== drawn) ctx.leagues.joinListChanged(leagueId);
}
