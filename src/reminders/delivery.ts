/**
 * What the companion features need from Discord: reminder DMs to members who asked for them, the opt-in role's ping
 * and the server's calendar. The bot's implementations draw and send them (src/commands/remind/delivery.ts,
 * src/discord/calendar.ts).
 */
import type { ReminderMessage } from "./kinds.js";

export type DmResult = { sent: true } | { sent: false; code: number | null };

/**
 * Sends one member one reminder by DM; `sent: false` with Discord's code when it was refused (50007: the member's
 * DMs are closed). The bot's implementation (src/commands/remind/delivery.ts) draws the DM.
 */
export type ReminderDms = (reminder: {
  guildId: string;
  userId: string;
  message: ReminderMessage;
}) => Promise<DmResult>;

/** The opt-in role's ping for a weekly poll that was just posted; resolves to the ping's message id. */
export type RolePinger = (ping: {
  guildId: string;
  channelId: string;
  roleId: string;
  week: number | null;
  closesAt: Date;
  pollMessageId: string;
}) => Promise<string>;

/** A Discord scheduled event for one episode: external, with a place to watch. */
export interface EpisodeEventInput {
  name: string;
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
}

/** "no-permission": the bot lacks Manage Events there. "gone": the event was deleted in Discord. */
export type CalendarResult = { ok: true; eventId: string } | { ok: false; reason: "no-permission" | "gone" };

export interface EpisodeCalendar {
  create(guildId: string, event: EpisodeEventInput): Promise<CalendarResult>;
  edit(guildId: string, eventId: string, event: EpisodeEventInput): Promise<CalendarResult>;
  remove(guildId: string, eventId: string): Promise<CalendarResult>;
}
