import type { BotContext } from "../../context.js";
import type { ComponentInteraction } from "../../discord/command.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { takeMemberTurn } from "../../leagues/service.js";
import { guildOf } from "./access.js";
import { leagueMessageView } from "./view.js";

/** A pick from the draft or waiver menu (the couple as its value), or "keep the empty slot" (no couple). */
export async function pick(
  interaction: ComponentInteraction,
  ctx: BotContext,
  leagueId: number,
  turn: number,
  keep: boolean,
): Promise<void> {
  const value = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  if (!keep && (value === undefined || !/^\d{1,9}$/.test(value))) {
    throw new UserError("That pick is not one of the menu's couples. Pick from the menu on the league's message.");
  }
  const guildId = guildOf(interaction);
  await respond(
    interaction,
    async () => {
      const state = await takeMemberTurn(ctx.db, {
        leagueId,
        guildId,
        userId: interaction.user.id,
        turn,
        coupleId: keep ? null : Number(value),
        messageId: interaction.message.id,
      });
      return leagueMessageView(state);
    },
    { update: true },
  );
}
