/**
 * Episodes on the server's calendar: for each server with a weekly schedule, one external scheduled event per upcoming
 * known episode, moved when the schedule or the episode's date changes and deleted when the night is no longer on
 * (its date gone, or the schedule stopped). Every change is claimed in SQL first, so one process makes it.
 */
import type { Database } from "../db/client.js";
import {
  blockCalendar,
  blockedCalendars,
  claimCalendarNotice,
  claimEpisodeEvent,
  clearCalendarNotice,
  type EpisodeEventRow,
  episodeEventRows,
  moveEpisodeEvent,
  removeEpisodeEvent,
  type ScheduledEpisode,
  scheduledEpisodes,
  setEpisodeEventId,
} from "../db/queries/reminders/index.js";
import type { Logger } from "../logger.js";
import type { EpisodeCalendar, EpisodeEventInput } from "./delivery.js";
import { episodeLengthMs, episodeStart } from "./timing.js";

/** Where to watch, shown as the event's location. */
export const whereToWatch = "ABC and Disney+ (next day on Hulu)";

/** How long a server whose calendar refused us (no Manage Events) is left alone before trying again. */
const noPermissionBackoffMs = 10 * 60_000;

export interface PlannedEpisode {
  guildId: string;
  season: number;
  week: number;
  name: string;
  startsAt: Date;
}

/** The event name Discord shows, within its 100 characters. */
export function episodeName(week: number, theme: string | null): string {
  const name = `Dancing with the Stars — Week ${week}${theme ? `: ${theme}` : ""}`;
  return name.length <= 100 ? name : `${name.slice(0, 99)}…`;
}

/** The episodes that should be on calendars at `now`: known, with a start still ahead. */
export function plannedEpisodes(episodes: ScheduledEpisode[], now: Date): PlannedEpisode[] {
  return episodes.flatMap((e) => {
    const startsAt = episodeStart(e);
    if (!startsAt || startsAt <= now) return [];
    return [{ guildId: e.guildId, season: e.season, week: e.week, name: episodeName(e.week, e.theme), startsAt }];
  });
}

export function eventInput(episode: { name: string; startsAt: Date; season: number; week: number }): EpisodeEventInput {
  return {
    name: episode.name,
    description: `Season ${episode.season}, week ${episode.week}. Vote in the weekly poll before it starts; /results and /leaderboard once it has aired.`,
    location: whereToWatch,
    startsAt: episode.startsAt,
    endsAt: new Date(episode.startsAt.getTime() + episodeLengthMs),
  };
}

const keyOf = (e: { guildId: string; season: number; week: number }) => `${e.guildId}|${e.season}|${e.week}`;

export class EpisodeCalendarSync {
  private blockedGuilds = new Set<string>();

  constructor(
    private readonly db: Database,
    private readonly calendar: EpisodeCalendar,
    private readonly logger: Logger,
  ) {}

  async run(now: Date): Promise<void> {
    const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
    const planned = plannedEpisodes(await scheduledEpisodes(this.db, yesterday), now);
    const existing = new Map((await episodeEventRows(this.db)).map((row) => [keyOf(row), row]));
    this.blockedGuilds = await blockedCalendars(this.db, now);
    for (const episode of planned) {
      if (this.blocked(episode.guildId)) continue;
      const row = existing.get(keyOf(episode));
      existing.delete(keyOf(episode));
      await this.keep(episode, row, now);
    }
    // What is left was not planned: a past night stays on the calendar as history, a future one is off.
    for (const row of existing.values()) {
      if (row.startsAt <= now) {
        await removeEpisodeEvent(this.db, row);
        continue;
      }
      if (this.blocked(row.guildId)) continue;
      const removed = await removeEpisodeEvent(this.db, row);
      if (removed?.eventId)
        await this.check(row.guildId, await this.calendar.remove(row.guildId, removed.eventId), now);
    }
  }

  private async keep(episode: PlannedEpisode, row: EpisodeEventRow | undefined, now: Date): Promise<void> {
    if (!row || row.eventId === null) {
      if (!(await claimEpisodeEvent(this.db, episode, now))) return;
      const made = await this.calendar.create(episode.guildId, eventInput(episode));
      if (made.ok) {
        await setEpisodeEventId(this.db, episode, made.eventId);
        this.logger.info({ guildId: episode.guildId, week: episode.week }, "episode put on the server's calendar");
      } else {
        // Give the claim back so the event is made once the permission is granted.
        await removeEpisodeEvent(this.db, episode);
        await this.check(episode.guildId, made, now);
      }
      return;
    }
    if (row.name === episode.name && row.startsAt.getTime() === episode.startsAt.getTime()) return;
    if (!(await moveEpisodeEvent(this.db, episode, row, episode))) return;
    const moved = await this.calendar.edit(episode.guildId, row.eventId, eventInput(episode));
    if (!moved.ok && moved.reason === "gone") {
      // Someone deleted it in Discord: forget it, and the next run makes it again.
      await removeEpisodeEvent(this.db, episode);
    }
    await this.check(episode.guildId, moved, now);
  }

  private blocked(guildId: string): boolean {
    return this.blockedGuilds.has(guildId);
  }

  private async check(guildId: string, result: { ok: boolean; reason?: string }, now: Date): Promise<void> {
    if (result.ok || result.reason !== "no-permission") return;
    // Said privately once, by /poll schedule; here only a log line and a pause for every process, never a message.
    this.blockedGuilds.add(guildId);
    await blockCalendar(this.db, guildId, new Date(now.getTime() + noPermissionBackoffMs));
    this.logger.warn({ guildId }, "no Manage Events permission: episodes are not on the server's calendar");
  }
}

/**
 * What /poll schedule adds to its private answer about the calendar: "on" when episodes will be put there, "missing"
 * the first time the bot lacks Manage Events (so it is said once), null after that.
 */
export async function calendarNotice(
  db: Database,
  guildId: string,
  canManageEvents: boolean,
): Promise<"on" | "missing" | null> {
  if (canManageEvents) {
    await clearCalendarNotice(db, guildId);
    return "on";
  }
  return (await claimCalendarNotice(db, guildId)) ? "missing" : null;
}
