import type { BaseMessageOptions } from "discord.js";
import type { View } from "../views/view.js";

/** No message of ours may ping anyone, whatever text users put in it. */
export const noPings = { parse: [] } as const;

/** The one View-to-message conversion: replies, updates, follow-ups and channel posts all go through it. */
export function toMessage(view: View): BaseMessageOptions & { content: string } {
  return {
    content: view.content ?? "",
    embeds: view.embeds,
    components: view.components,
    files: (view.files ?? []).map((f) => ({ attachment: f.data, name: f.name, description: f.description })),
    allowedMentions: view.pingRoleIds?.length ? { parse: [], roles: view.pingRoleIds } : noPings,
  };
}
