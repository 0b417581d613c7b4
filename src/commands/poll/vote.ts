import type { BotContext, ComponentInteraction } from "../../discord/command.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { voteReceiptView } from "../../views/poll.js";
import { guildOf } from "./access.js";
import { pollIds } from "./ids.js";

const refusals = {
  closed: "This poll has closed, so votes are locked. The results are posted in the channel.",
  unknown: "That poll no longer exists. Ask a moderator for a new one.",
  foreign: "That vote does not belong to this poll. Vote with the buttons or menu on the poll message itself.",
  option: "That answer is not part of this poll. Pick one of the answers on the poll message.",
} as const;

/** A vote button (`pv:<poll>:<answer>`) or menu (`pv:<poll>`, the answer as its value): a private receipt. */
export async function vote(interaction: ComponentInteraction, ctx: BotContext): Promise<void> {
  const button = pollIds.voteButton.decode(interaction.customId);
  const menu = pollIds.voteMenu.decode(interaction.customId);
  const pollId = (button ?? menu)?.[0];
  const value = button ? String(button[1]) : interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
  if (pollId === undefined || value === undefined || !/^\d{1,2}$/.test(value)) {
    throw new UserError("That vote button is not one I made. Vote with the buttons or menu on the poll message.");
  }
  const guildId = guildOf(interaction);
  await respond(
    interaction,
    async () => {
      const vote = {
        pollId,
        position: Number(value),
        userId: interaction.user.id,
        guildId,
        messageId: interaction.message.id,
      };
      const result = await ctx.polls.vote(vote);
      if (!result.stored) throw new UserError(refusals[result.reason]);
      return voteReceiptView(result.label, result.closesAt, result.changed);
    },
    { ephemeral: true },
  );
}
