import { type REST, Routes } from "discord.js";
import type { View } from "../views/view.js";

/** Sending and editing channel messages outside an interaction: poll messages, results, weekly posts. */
export interface Messenger {
  send(channelId: string, view: View): Promise<string>;
  edit(channelId: string, messageId: string, view: View): Promise<void>;
}

function body(view: View) {
  const files = view.files ?? [];
  return {
    body: {
      content: view.content ?? "",
      embeds: view.embeds,
      components: view.components,
      // No message of ours may ping anyone, whatever text users put in it.
      allowed_mentions: { parse: [] },
      ...(files.length
        ? { attachments: files.map((f, id) => ({ id: String(id), filename: f.name, description: f.description })) }
        : {}),
    },
    ...(files.length ? { files: files.map((f) => ({ name: f.name, data: f.data, contentType: "image/png" })) } : {}),
  };
}

export function restMessenger(rest: REST): Messenger {
  return {
    async send(channelId, view) {
      const message = (await rest.post(Routes.channelMessages(channelId), body(view))) as { id: string };
      return message.id;
    },
    async edit(channelId, messageId, view) {
      await rest.patch(Routes.channelMessage(channelId, messageId), body(view));
    },
  };
}
