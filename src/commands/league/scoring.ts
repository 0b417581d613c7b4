import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { updateRules } from "../../db/queries/leagues/index.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { ruleNames, type ScoringRules } from "../../leagues/scoring.js";
import { loadLeague } from "../../leagues/service.js";
import { chosenLeague, requireLeagueManager } from "./access.js";
import { rulesView } from "./view.js";

/** /league scoring: shows the rules, or changes the ones given (creator or Manage Server, before the draft only). */
export async function scoring(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const changes: Partial<ScoringRules> = {};
  for (const rule of ruleNames) {
    const value = interaction.options.getInteger(rule.option);
    if (value !== null) changes[rule.key] = value;
  }
  const changing = Object.keys(changes).length > 0;
  await respond(
    interaction,
    async () => {
      const league = await chosenLeague(ctx, interaction, interaction.options.getInteger("league"));
      if (changing) {
        requireLeagueManager(interaction, league, "change its scoring");
        if (league.status !== "open") {
          throw new UserError("The draft has started, so the scoring is fixed: every team drafted under these rules.");
        }
        if (!(await updateRules(ctx.db, league.id, { ...league.rules, ...changes }))) {
          throw new UserError("The draft started a moment ago, so the scoring is fixed.");
        }
      }
      const state = await loadLeague(ctx.db, league.id);
      if (!state) throw new UserError("That league no longer exists.");
      if (changing) await ctx.leagues.redraw(league.id);
      return rulesView(state, changing);
    },
    { ephemeral: true },
  );
}
