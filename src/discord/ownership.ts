import type { MessageComponentInteraction } from "discord.js";

/** Whether the member pressing a component is the one whose command produced the message. */
export function isOwnMessage(interaction: MessageComponentInteraction): boolean {
  const owner = interaction.message.interactionMetadata?.user.id;
  return owner === undefined || owner === interaction.user.id;
}
