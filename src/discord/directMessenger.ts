import { type Client, DiscordAPIError } from "discord.js";
import type { DmResult } from "../reminders/delivery.js";
import type { View } from "../views/view.js";
import { toMessage } from "./message.js";

export interface DirectMessenger {
  /** Sends a DM; `sent: false` with Discord's code when it was refused (50007: the member's DMs are closed). */
  send(userId: string, view: View): Promise<DmResult>;
  /** The server's name when the bot knows it, for the DM's wording. */
  guildName(guildId: string): string | undefined;
}

/** DMs through discord.js (POST /users/@me/channels, then the DM channel), with Discord's refusals as results. */
export function directMessenger(client: Client): DirectMessenger {
  return {
    async send(userId, view) {
      try {
        const channel = await client.users.createDM(userId);
        await channel.send(toMessage(channel, view));
        return { sent: true };
      } catch (error) {
        // 50007 "Cannot send messages to this user" and the like: Discord said no, which is an answer, not a fault.
        if (error instanceof DiscordAPIError && error.status < 500) {
          return { sent: false, code: typeof error.code === "number" ? error.code : null };
        }
        throw error;
      }
    },
    guildName: (guildId) => client.guilds.cache.get(guildId)?.name,
  };
}
