/** The weekly show in a server's time zone: validating zones and times, and finding the next air time. */

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

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zonedParts(epochMs: number, zone: string): ZonedParts {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(zone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(epochMs))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** The zone's offset from UTC at an instant, in milliseconds (New York in winter: -5 h). */
function offsetAt(epochMs: number, zone: string): number {
  const p = zonedParts(epochMs, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in a zone. A time skipped by a spring-forward change is moved on by the gap
 * (02:30 becomes 03:30); a time that happens twice in autumn is its first occurrence.
 */
export function zonedTimeToEpoch(
  date: { year: number; month: number; day: number },
  minutes: number,
  zone: string,
): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, Math.floor(minutes / 60), minutes % 60);
  // Offsets half a day either side cover any change of offset on that day.
  const before = wall - offsetAt(wall - 43_200_000, zone);
  const after = wall - offsetAt(wall + 43_200_000, zone);
  const reads = (t: number) => {
    const p = zonedParts(t, zone);
    return p.day === date.day && p.hour * 60 + p.minute === minutes;
  };
  const matching = [before, after].filter(reads).sort((a, b) => a - b);
  return matching[0] ?? before;
}

/** The first air time strictly after `after`: `weekday` at `minutes` past midnight, in `zone`. */
export function nextAirTime(after: Date, weekday: number, minutes: number, zone: string): Date {
  const start = zonedParts(after.getTime(), zone);
  const startDay = Date.UTC(start.year, start.month - 1, start.day);
  for (let add = 0; add <= 8; add++) {
    const day = new Date(startDay + add * 86_400_000);
    if (day.getUTCDay() !== weekday) continue;
    const at = zonedTimeToEpoch(
      { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
      minutes,
      zone,
    );
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
