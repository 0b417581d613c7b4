import { type MessageFlags, MessagePayload, type MessageTarget } from "discord.js";
import type { View } from "../views/view.js";

/** No message of ours may ping anyone, whatever text users put in it. */
export const noPings = Object.freeze({ parse: [] as never[] });

/**
 * The one View-to-message conversion: replies, updates, follow-ups and channel posts all go through it.
 *
 * Views are already Discord's API JSON, so the payload carries the request body itself and discord.js sends it as it
 * is. Left to resolve options, discord.js would rewrite every key of every embed and component to snake_case, and its
 * MessagePayload would check what kind of target it has with a `require()` per check on every call: together the
 * costliest steps of answering a vote or a remembered lookup.
 */
export function toMessage(target: MessageTarget, view: View, flags?: MessageFlags): MessagePayload {
  const files = view.files ?? [];
  const payload = new MessagePayload(target, {});
  payload.body = {
    content: view.content ?? "",
    embeds: view.embeds,
    components: view.components,
    attachments: files.map((f, i) => ({ id: String(i), description: f.description })),
    allowed_mentions: view.pingRoleIds?.length ? { ...noPings, roles: view.pingRoleIds } : noPings,
    flags,
  };
  payload.files = files.map((f) => ({ name: f.name, data: f.data }));
  return payload;
}
