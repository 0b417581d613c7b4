/** The weekly show in a server's time zone: validating zones and times, and finding the next air time. */

import { DateTime } from "luxon";

export const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

/** The canonical IANA name of a time zone ("america/new_york" -> "America/New_York"), or null if Intl does not know it. */
export function canonicalTimeZone(zone: string): string | null {
  const trimmed = zone.trim();
  if (!trimmed || trimmed.length > 64) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** "20:00", "8pm", "8:30 pm" -> minutes after midnight; null when it is not a time of day. */
export function parseAirTime(text: string): number | null {
  const match = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const meridiem = match[3]?.toLowerCase();
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return hour * 60 + minute;
}

export function formatAirTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a spring-forward change is moved on by the gap
 * (02:30 becomes 03:30, as Luxon does); a time that happens twice in autumn is its first occurrence (Luxon takes
 * the second, so an hour earlier is tried first).
 */
export function zonedTimeToEpoch(
  date: { year: number; month: number; day: number },
  minutes: number,
  zone: string,
): number {
  const at = DateTime.fromObject({ ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone });
  const hourEarlier = at.minus({ hours: 1 });
  const sameWallClock = hourEarlier.hour === at.hour && hourEarlier.minute === at.minute;
  return (sameWallClock ? hourEarlier : at).toMillis();
}

/** The first air time strictly after `after`: `weekday` (0 = Sunday) at `minutes` past midnight, in `zone`. */
export function nextAirTime(after: Date, weekday: number, minutes: number, zone: string): Date {
  const start = DateTime.fromJSDate(after, { zone }).startOf("day");
  for (let add = 0; add <= 7; add++) {
    const day = start.plus({ days: add });
    // Luxon numbers weekdays 1 (Monday) to 7 (Sunday).
    if (day.weekday % 7 !== weekday) continue;
    const at = zonedTimeToEpoch({ year: day.year, month: day.month, day: day.day }, minutes, zone);
    if (at > after.getTime()) return new Date(at);
  }
  throw new Error(`no ${weekdays[weekday]} found after ${after.toISOString()}`);
}

export type ScheduleStep =
  | { action: "wait" }
  /** Post the week's poll now; it closes at `airAt`. */
  | { action: "post"; airAt: Date; next: Date }
  /** The bot was away through the whole posting window: move on without posting a poll that would close at once. */
  | { action: "skip"; airAt: Date; next: Date };

export function scheduleStep(
  now: Date,
  schedule: { nextAirAt: Date; leadMinutes: number; weekday: number; airTime: number; timeZone: string },
): ScheduleStep {
  const airAt = schedule.nextAirAt;
  if (now.getTime() < airAt.getTime() - schedule.leadMinutes * 60_000) return { action: "wait" };
  const next = nextAirTime(
    new Date(Math.max(now.getTime(), airAt.getTime())),
    schedule.weekday,
    schedule.airTime,
    schedule.timeZone,
  );
  // Less than a minute left is not worth a poll.
  return airAt.getTime() - now.getTime() < 60_000 ? { action: "skip", airAt, next } : { action: "post", airAt, next };
}
