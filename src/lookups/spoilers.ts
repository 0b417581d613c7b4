/** Dancing with the Stars airs at 8 pm Eastern; a week's date is taken to mean that moment. */
export function airInstant(isoDate: string): Date {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d, 17));
  const zone = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", timeZoneName: "shortOffset" })
    .formatToParts(probe)
    .find((p) => p.type === "timeZoneName")?.value;
  const offset = Number(/GMT([+-]\d+)/.exec(zone ?? "")?.[1] ?? -5);
  return new Date(Date.UTC(y, m - 1, d, 20 - offset));
}

/**
 * Until when a week's results stay hidden: only the newest week of the newest season, only while the server's
 * guard is on and the hours since it aired have not run out. Null when nothing is hidden.
 */
export function spoilerUntil(
  week: { airDate: string | null; isNewest: boolean },
  hours: number,
  now: Date,
): Date | null {
  if (hours <= 0 || !week.isNewest || !week.airDate) return null;
  const until = new Date(airInstant(week.airDate).getTime() + hours * 3_600_000);
  return now < until ? until : null;
}
