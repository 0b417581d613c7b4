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

/**
 * The member's answer once it has something to show. `settled()` can return while a deferred answer is still being
 * worked on (a busy machine takes longer than its quiet window), so this also waits for the edit that fills it in.
 */
export async function answerOf(ix: InteractionRecord, timeoutMs = 15_000): Promise<MessageView | undefined> {
  await ix.settled();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = replyOf(ix);
    if (reply && (reply.content || reply.embeds.length > 0 || reply.attachments.length > 0)) return reply;
    if (Date.now() > deadline) return reply;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
