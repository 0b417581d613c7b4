/**
 * What the companion features need from Discord beyond channel posts: DMs to members who asked for them, and the
 * server's calendar. The bot's implementations are src/discord/directMessenger.ts and src/discord/calendar.ts.
 */
import type { View } from "../views/view.js";

export type DmResult = { sent: true } | { sent: false; code: number | null };

export interface DirectMessenger {
  /** Sends a DM; `sent: false` with Discord's code when it was refused (50007: the member's DMs are closed). */
  send(userId: string, view: View): Promise<DmResult>;
  /** The server's name when the bot knows it, for the DM's wording. */
  guildName(guildId: string): string | undefined;
}

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
