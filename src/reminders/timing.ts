/** When each reminder is due, as plain functions of the schedule, the poll and the server's spoiler guard. */
import { spoilerUntil } from "../lookups/spoilers.js";
import { nextAirTime, parseAirTime, zonedTimeToEpoch } from "../polls/schedule.js";

/** "Picks lock in 1 hour": polls closing within this of now. */
export const lockLeadMs = 60 * 60_000;
/** "The show starts in 15 minutes". */
export const showtimeLeadMs = 15 * 60_000;
/** A Dancing with the Stars episode runs two hours. */
export const episodeLengthMs = 2 * 3_600_000;

/** The air time whose 15-minute reminder is due at `now`, or null: the next air time is at most 15 minutes away. */
export function showtimeDue(now: Date, schedule: { weekday: number; airTime: string; timeZone: string }): Date | null {
  const minutes = parseAirTime(schedule.airTime);
  if (minutes === null) return null;
  const airAt = nextAirTime(now, schedule.weekday, minutes, schedule.timeZone);
  return airAt.getTime() - now.getTime() <= showtimeLeadMs ? airAt : null;
}

/**
 * Whether news of a week's result may go out at `now`: never while the server's spoiler guard still hides that
 * week (its hours after the week aired); the reminder waits until the guard lifts.
 */
export function resultMayBeTold(week: { airDate: string | null; spoilerHours: number }, now: Date): boolean {
  return spoilerUntil({ airDate: week.airDate, isNewest: true }, week.spoilerHours, now) === null;
}

/** An episode's start: its air date at the schedule's air time in the schedule's time zone. */
export function episodeStart(episode: { airDate: string; airTime: string; timeZone: string }): Date | null {
  const minutes = parseAirTime(episode.airTime);
  if (minutes === null) return null;
  const [year, month, day] = episode.airDate.split("-").map(Number) as [number, number, number];
  return new Date(zonedTimeToEpoch({ year, month, day }, minutes, episode.timeZone));
}

/** The occasion a reminder is about, the key that makes it once per member. */
export const occasion = {
  poll: (pollId: number) => `poll:${pollId}`,
  air: (airAt: Date) => `air:${airAt.toISOString()}`,
  results: (season: number, week: number) => `results:${season}:${week}`,
};
