import { MessageFlags } from "discord.js";
import type { InteractionRecord, MessageView } from "../../tools/local-discord/index.js";

/** What the member sees in answer: the original response, or the follow-up that replaced a deferred one. */
export function replyOf(ix: InteractionRecord): MessageView | undefined {
  return ix.finalMessage() ?? ix.followUps[0];
}

/** Whether only the member who acted can see the message. */
export function isEphemeral(message: { flags?: number | undefined } | undefined): boolean {
  return ((message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}
