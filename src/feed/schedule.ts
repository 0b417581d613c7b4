/**
 * How often the season feed looks at the article, from what the season's record knows: every few minutes from air
 * time until a few hours after on a night with an episode, hourly on other days while the season is on the air,
 * daily for a season whose finale has passed while its record is incomplete, never otherwise.
 */
import type { SeasonFile } from "../data/seasonFile.js";
import { airInstant } from "../lookups/spoilers.js";

const minute = 60_000;
const hour = 60 * minute;
/** On an episode's night, from air time until this long after it (results and fixes come in the hours after). */
export const nightWindowMs = 4 * hour;
export const nightEveryMs = 5 * minute;
export const airingEveryMs = hour;
export const completingEveryMs = 24 * hour;

export type Cadence =
  | { kind: "night"; everyMs: number; week: number }
  | { kind: "airing"; everyMs: number }
  | { kind: "completing"; everyMs: number }
  | { kind: "never" };

/** Every week aired and scored, and every couple placed: nothing left for the article to tell. */
export function recordComplete(season: SeasonFile): boolean {
  return (
    season.weeks.length > 0 && season.weeks.every((w) => !w.status) && season.couples.every((c) => c.placement !== null)
  );
}

export function feedCadence(season: SeasonFile, now: Date): Cadence {
  const t = now.getTime();
  const airs = season.weeks.flatMap((w) => (w.airDate ? [{ week: w.week, at: airInstant(w.airDate).getTime() }] : []));
  const tonight = airs.find((a) => t >= a.at && t < a.at + nightWindowMs);
  if (tonight) return { kind: "night", everyMs: nightEveryMs, week: tonight.week };
  if (recordComplete(season)) return { kind: "never" };
  const premiere = season.premiere ? airInstant(season.premiere).getTime() : (airs[0]?.at ?? Number.POSITIVE_INFINITY);
  const last = Math.max(...airs.map((a) => a.at), premiere);
  // A day before the premiere the cast and the first dances are news; the season is on the air until its last
  // known night is over.
  if (t >= premiere - 24 * hour && t < last + nightWindowMs) return { kind: "airing", everyMs: airingEveryMs };
  if (t >= last + nightWindowMs) return { kind: "completing", everyMs: completingEveryMs };
  return { kind: "never" };
}

/** When to look next: after the cadence's interval, or at the next air time if that comes first. */
export function nextLook(season: SeasonFile, now: Date): Date | null {
  const cadence = feedCadence(season, now);
  const t = now.getTime();
  const nextAir = season.weeks
    .flatMap((w) => (w.airDate ? [airInstant(w.airDate).getTime()] : []))
    .filter((at) => at > t)
    .sort((a, b) => a - b)[0];
  if (cadence.kind === "never") return nextAir === undefined ? null : new Date(nextAir);
  const after = t + cadence.everyMs;
  return new Date(nextAir !== undefined && nextAir < after ? nextAir : after);
}
