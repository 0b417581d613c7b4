import type { Client } from "discord.js";
import type { Messenger } from "../views/view.js";
import { toMessage } from "./message.js";

/** Channel posts through discord.js, with the same message conversion as interaction replies. */
export function channelMessenger(client: Client): Messenger {
  const channel = async (channelId: string) => {
    // An HTTP-only worker has no guild cache: the channel still comes from REST, not kept, and posts work the same.
    const found =
      client.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId, { allowUnknownGuild: true }));
    if (!found?.isSendable()) throw new Error(`channel ${channelId} is not one I can post in`);
    return found;
  };
  return {
    async send(channelId, view) {
      const target = await channel(channelId);
      const message = await target.send(toMessage(target, view));
      return message.id;
    },
    async edit(channelId, messageId, view) {
      const { messages } = await channel(channelId);
      await messages.edit(messageId, toMessage(messages, view));
    },
  };
}
