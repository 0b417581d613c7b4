import type { BaseMessageOptions, JSONEncodable } from "discord.js";
import type { View } from "../views/view.js";

/** No message of ours may ping anyone, whatever text users put in it. */
export const noPings = { parse: [] } as const;

/**
 * Views are already Discord's API JSON. Handed over as JSON-encodable, discord.js sends them as they are instead of
 * rewriting every key of every embed and component to snake_case on each reply (the costliest step of answering a
 * remembered lookup).
 */
const asIs = <T>(json: T): JSONEncodable<T> => ({ toJSON: () => json });

/** The one View-to-message conversion: replies, updates, follow-ups and channel posts all go through it. */
export function toMessage(view: View): BaseMessageOptions & { content: string } {
  return {
    content: view.content ?? "",
    embeds: view.embeds.map(asIs),
    components: view.components.map(asIs),
    files: (view.files ?? []).map((f) => ({ attachment: f.data, name: f.name, description: f.description })),
    allowedMentions: view.pingRoleIds?.length ? { parse: [], roles: view.pingRoleIds } : noPings,
  };
}
