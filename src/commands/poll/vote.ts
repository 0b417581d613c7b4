import type { BotContext } from "../../context.js";
import type { ComponentInteraction } from "../../discord/command.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { guildOf } from "./access.js";
import { pollIds } from "./ids.js";
import { voteReceiptView } from "./view.js";

const refusals = {
  closed: "This poll has closed, so votes are locked. The results are posted in the channel.",
  unknown: "That poll no longer exists. Ask a moderator for a new one.",
  foreign: "That vote does not belong to this poll. Vote with the buttons or menu on the poll message itself.",
  option: "That answer is not part of this poll. Pick one of the answers on the poll message.",
} as const;

/** The poll and the answer a vote names, or undefined for an id this bot did not make. */
function chosen(interaction: ComponentInteraction): { pollId: number; value: string } | undefined {
  if (interaction.isButton()) {
    const parts = pollIds.voteButton.decode(interaction.customId);
    return parts && { pollId: parts[0], value: String(parts[1]) };
  }
  if (interaction.isStringSelectMenu()) {
    const parts = pollIds.voteMenu.decode(interaction.customId);
    const value = interaction.values[0];
    return parts && value !== undefined ? { pollId: parts[0], value } : undefined;
  }
  return undefined;
}

/** A vote button (`pv:<poll>:<answer>`) or menu (`pv:<poll>`, the answer as its value): a private receipt. */
export async function vote(interaction: ComponentInteraction, ctx: BotContext): Promise<void> {
  const choice = chosen(interaction);
  if (!choice || !/^\d{1,2}$/.test(choice.value)) {
    throw new UserError("That vote button is not one I made. Vote with the buttons or menu on the poll message.");
  }
  const { pollId, value } = choice;
  const guildId = guildOf(interaction);
  // The clicked poll message comes as a whole discord.js Message (its embed, every button, their raw data); a vote
  // needs only its id. Let go of the rest before the vote waits for its group commit: a storm's 200 waiting votes
  // then stay small enough to die young instead of being promoted (about 10% less CPU per vote, side by side).
  const messageId = interaction.message.id;
  Reflect.set(interaction, "message", null);
  await respond(
    interaction,
    async () => {
      const vote = {
        pollId,
        position: Number(value),
        userId: interaction.user.id,
        guildId,
        messageId,
      };
      const result = await ctx.polls.vote(vote);
      if (!result.stored) throw new UserError(refusals[result.reason]);
      return voteReceiptView(result.label, result.closesAt, result.changed);
    },
    { ephemeral: true },
  );
}
