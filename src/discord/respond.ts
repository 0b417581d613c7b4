import { type MessageComponentInteraction, MessageFlags, type RepliableInteraction } from "discord.js";
import type { View } from "../views/view.js";
import type { ComponentInteraction } from "./command.js";
import { toMessage } from "./message.js";
import { isOwnMessage } from "./ownership.js";

/** Defer when the work is not done by then, well inside Discord's 3-second window for a first response. */
export const deferAfterMs = 1500;

/**
 * Runs `work` and sends its view as the reply (or as an update of the clicked message). If the work takes longer than
 * `deferAfterMs`, the interaction is deferred first so Discord never shows "interaction failed".
 */
export async function respond(
  interaction: RepliableInteraction,
  work: () => Promise<View>,
  options: { ephemeral?: boolean; update?: boolean } = {},
): Promise<void> {
  const update = options.update === true && interaction.isMessageComponent();
  let deferral: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferral = update
      ? (interaction as MessageComponentInteraction).deferUpdate()
      : interaction.deferReply(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  }, deferAfterMs);
  let view: View;
  try {
    view = await work();
  } finally {
    clearTimeout(timer);
  }
  if (deferral) {
    await deferral;
    await interaction.editReply(toMessage(interaction, view));
  } else if (update) {
    await (interaction as MessageComponentInteraction).update(toMessage(interaction, view));
  } else {
    await interaction.reply(toMessage(interaction, view, options.ephemeral ? MessageFlags.Ephemeral : undefined));
  }
}

/**
 * A press of a button or menu under one of our lookups (a page, a week, a season): the member whose command it was
 * sees their message move; anyone else gets a private copy and the message stays as its owner left it.
 *
 * A private copy needs nothing more of the clicked message, which discord.js hands over whole (its embed, every
 * component and their raw data): let go of it before the reply's round trip, so a show night's presses in flight
 * die young instead of being promoted to the old generation.
 */
export function respondToPress(interaction: ComponentInteraction, work: () => Promise<View>): Promise<void> {
  if (isOwnMessage(interaction)) return respond(interaction, work, { update: true });
  Reflect.set(interaction, "message", null);
  return respond(interaction, work, { ephemeral: true });
}
