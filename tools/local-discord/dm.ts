/**
 * DMs as Discord has them: POST /users/@me/channels opens (or finds) the DM channel with a user, and a user who does
 * not accept DMs from the bot makes every send fail with 403 and code 50007 ("Cannot send messages to this user").
 * Channels of servers the bot is not in (user-installed use, see userInstall.ts) answer 50001 Missing Access.
 */
import { ChannelType } from "discord.js";
import { DiscordHttpError } from "./errors.js";
import { objectBody, throwError } from "./rest.js";
import type { Route } from "./router.js";
import type { World } from "./world.js";

export const cannotMessageUser = () => new DiscordHttpError(403, 50007, "Cannot send messages to this user");
export const missingAccess = () => new DiscordHttpError(403, 50001, "Missing Access");

export class DirectMessages {
  private readonly closed = new Set<string>();
  /** Channels in servers the bot is not a member of: visible in interactions, never to the bot's REST calls. */
  readonly foreignChannels = new Set<string>();

  constructor(private readonly world: World) {}

  /** The user turned off DMs from server members (or blocked the bot). */
  closeDms(userId: string): void {
    this.closed.add(userId);
  }

  openDms(userId: string): void {
    this.closed.delete(userId);
  }

  /** Runs before a message is created in a channel: refuses DMs to closed inboxes and channels the bot cannot see. */
  checkSend(channelId: string): void {
    if (this.foreignChannels.has(channelId)) throw missingAccess();
    const channel = this.world.findChannel(channelId);
    if (channel?.api.type !== ChannelType.DM) return;
    const recipient = channel.api.recipients?.[0]?.id;
    if (recipient && this.closed.has(recipient)) throw cannotMessageUser();
  }

  routes(): Route[] {
    return [
      {
        method: "POST",
        template: "/users/@me/channels",
        auth: true,
        handle: ({ body }) => {
          const json = objectBody(body);
          const recipient = typeof json.recipient_id === "string" ? json.recipient_id : "";
          const user =
            this.world.findUser(recipient) ?? throwError(new DiscordHttpError(400, 50033, "Invalid Recipient(s)"));
          if (user.bot) throw cannotMessageUser();
          // Opening the channel works even when the user's DMs are closed; sending is what fails, as on Discord.
          return { status: 200, body: this.world.dmChannel(user.id) };
        },
      },
    ];
  }
}
