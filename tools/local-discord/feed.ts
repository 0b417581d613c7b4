/** The live feed of message changes: what a Discord client would receive and redraw, per channel. */
import type { APIGuildMember } from "discord.js";
import type { MessageChange, MessageView } from "./messages.js";

/** A message was created, edited or deleted. */
export interface MessageEvent {
  change: MessageChange;
  /** The message as it stands after the change (with attachment bytes). */
  message: MessageView;
  channelId: string;
  /** null for a DM. */
  guildId: string | null;
  /** The only user who can see it (an ephemeral response), or null when everyone in the channel can. */
  visibleTo: string | null;
}

/** A guild member as a client lists it: the member, their roles' names and colours, and their permissions. */
export interface MemberView {
  member: APIGuildMember;
  /** Effective permissions in the guild. */
  permissions: bigint;
  owner: boolean;
}
