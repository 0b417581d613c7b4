/** Episodes on servers' calendars: what the weekly schedules say is coming, and the events made for them. */
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { calendarNotices, episodeEvents } from "../../schema/index.js";
import { rowsOf } from "../polls/rows.js";

export interface ScheduledEpisode {
  guildId: string;
  season: number;
  week: number;
  theme: string | null;
  airDate: string;
  airTime: string;
  timeZone: string;
}

/**
 * Every known episode from `fromDate` (YYYY-MM-DD) on, for each server with a weekly schedule: the weeks of the
 * schedule's season (or the latest season) with an air date, one per week number.
 */
export async function scheduledEpisodes(db: Database, fromDate: string): Promise<ScheduledEpisode[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select ps.guild_id, se.number as season, w.number as week, min(w.air_date)::text as air_date,
        (array_agg(w.theme order by w.label))[1] as theme, ps.air_time, ps.time_zone
      from poll_schedules ps
      join seasons se on se.franchise = 'dwts-us' and se.number =
        coalesce(ps.season, (select max(number) from seasons where franchise = 'dwts-us'))
      join weeks w on w.season_id = se.id and w.air_date is not null
      group by ps.guild_id, se.number, w.number, ps.air_time, ps.time_zone
      having min(w.air_date) >= ${fromDate}::date
      order by ps.guild_id, w.number`),
  );
  return rows.map((r) => ({
    guildId: String(r.guild_id),
    season: Number(r.season),
    week: Number(r.week),
    theme: r.theme === null ? null : String(r.theme),
    airDate: String(r.air_date).slice(0, 10),
    airTime: String(r.air_time),
    timeZone: String(r.time_zone),
  }));
}

export type EpisodeEventRow = typeof episodeEvents.$inferSelect;

export async function episodeEventRows(db: Database, guildId?: string): Promise<EpisodeEventRow[]> {
  return db
    .select()
    .from(episodeEvents)
    .where(guildId === undefined ? undefined : eq(episodeEvents.guildId, guildId));
}

type EpisodeKey = { guildId: string; season: number; week: number };
const keyIs = (k: EpisodeKey) =>
  and(eq(episodeEvents.guildId, k.guildId), eq(episodeEvents.season, k.season), eq(episodeEvents.week, k.week));

/**
 * Claims making the event of an episode: a new row, or one whose maker went away (no event a minute after its
 * claim). True for the one process that should create it.
 */
export async function claimEpisodeEvent(
  db: Database,
  input: EpisodeKey & { name: string; startsAt: Date },
  now: Date,
): Promise<boolean> {
  const inserted = await db
    .insert(episodeEvents)
    .values({ ...input, claimedAt: now })
    .onConflictDoNothing()
    .returning({ week: episodeEvents.week });
  if (inserted.length > 0) return true;
  const taken = await db
    .update(episodeEvents)
    .set({ name: input.name, startsAt: input.startsAt, claimedAt: now })
    .where(
      and(keyIs(input), isNull(episodeEvents.eventId), lt(episodeEvents.claimedAt, new Date(now.getTime() - 60_000))),
    )
    .returning({ week: episodeEvents.week });
  return taken.length > 0;
}

export async function setEpisodeEventId(db: Database, key: EpisodeKey, eventId: string): Promise<void> {
  await db.update(episodeEvents).set({ eventId }).where(keyIs(key));
}

/** Moves an episode's record from what this process saw to the new time and name; true for the one that moved it. */
export async function moveEpisodeEvent(
  db: Database,
  key: EpisodeKey,
  from: { name: string; startsAt: Date },
  to: { name: string; startsAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(episodeEvents)
    .set(to)
    .where(and(keyIs(key), eq(episodeEvents.name, from.name), eq(episodeEvents.startsAt, from.startsAt)))
    .returning({ week: episodeEvents.week });
  return rows.length > 0;
}

/** Forgets an episode's event; the one process that deleted the row removes the event from Discord. */
export async function removeEpisodeEvent(db: Database, key: EpisodeKey): Promise<{ eventId: string | null } | null> {
  const [row] = await db.delete(episodeEvents).where(keyIs(key)).returning({ eventId: episodeEvents.eventId });
  return row ?? null;
}

/** True the first time only: the missing-permission notice is said once per server until the permission works. */
export async function claimCalendarNotice(db: Database, guildId: string): Promise<boolean> {
  const rows = await db
    .insert(calendarNotices)
    .values({ guildId, noticedAt: sql`now()` })
    .onConflictDoUpdate({
      target: calendarNotices.guildId,
      set: { noticedAt: sql`now()` },
      setWhere: isNull(calendarNotices.noticedAt),
    })
    .returning({ guildId: calendarNotices.guildId });
  return rows.length > 0;
}

/** Discord refused a calendar change: no process tries that server again before `until`. */
export async function blockCalendar(db: Database, guildId: string, until: Date): Promise<void> {
  await db
    .insert(calendarNotices)
    .values({ guildId, blockedUntil: until })
    .onConflictDoUpdate({ target: calendarNotices.guildId, set: { blockedUntil: until } });
}

export async function blockedCalendars(db: Database, now: Date): Promise<Set<string>> {
  const rows = await db
    .select({ guildId: calendarNotices.guildId })
    .from(calendarNotices)
    .where(gt(calendarNotices.blockedUntil, now));
  return new Set(rows.map((r) => r.guildId));
}

export async function clearCalendarNotice(db: Database, guildId: string): Promise<void> {
  await db.delete(calendarNotices).where(eq(calendarNotices.guildId, guildId));
}
