import { MessageFlags } from "discord.js";
import type { InteractionRecord, LocalDiscord, MessageView } from "../../tools/local-discord/index.js";
import type { SlashInput } from "../../tools/local-discord/payloads.js";

/** What the member sees in answer: the original response, or the follow-up that replaced a deferred one. */
export function replyOf(ix: InteractionRecord): MessageView | undefined {
  return ix.finalMessage() ?? ix.followUps[0];
}

/** Whether only the member who acted can see the message. */
export function isEphemeral(message: { flags?: number | undefined } | undefined): boolean {
  return ((message?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
}

/**
 * The member's answer once the bot is done: `settled()` waits past a deferral for the edit or follow-up that fills it,
 * then for a quiet spell.
 */
export async function answerOf(ix: InteractionRecord, idleMs?: number): Promise<MessageView | undefined> {
  await ix.settled(idleMs === undefined ? {} : { idleMs });
  return replyOf(ix);
}

/** Runs a slash command and returns what the member sees once the bot is done; a command that left no reply throws. */
export async function replyTo(discord: LocalDiscord, input: SlashInput, idleMs = 50): Promise<MessageView> {
  const reply = await answerOf(await discord.slash(input), idleMs);
  if (!reply) throw new Error(`/${input.name} left no reply`);
  return reply;
}
