/** "How long until the poll closes", as members type it: 90s, 45m, 2h, 1d12h, or a bare number of minutes. */

const units: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export const minPollDurationMs = 5_000;
export const maxPollDurationMs = 28 * 86_400_000;

/** The duration in milliseconds, or null when the text is not one. */
export function parseDuration(text: string): number | null {
  const cleaned = text.trim().toLowerCase().replace(/\s+/g, "");
  if (/^\d{1,6}$/.test(cleaned)) return Number(cleaned) * 60_000;
  if (!/^(\d{1,6}[smhdw])+$/.test(cleaned)) return null;
  let total = 0;
  for (const [, amount, unit] of cleaned.matchAll(/(\d+)([smhdw])/g))
    total += Number(amount) * (units[unit as string] ?? 0);
  return total;
}

export type DurationCheck = { ok: true; ms: number } | { ok: false; reason: string };

/** Parses and bounds a poll duration, with a sentence when it is not usable. */
export function pollDuration(text: string | null, fallbackMs: number): DurationCheck {
  if (text === null) return { ok: true, ms: fallbackMs };
  const ms = parseDuration(text);
  if (ms === null) return { ok: false, reason: `"${text.slice(0, 40)}" is not a duration: try 30m, 2h, 1d or 1d12h.` };
  if (ms < minPollDurationMs) return { ok: false, reason: "A poll must stay open for at least 5 seconds." };
  if (ms > maxPollDurationMs) return { ok: false, reason: "A poll can stay open for at most 4 weeks (28d)." };
  return { ok: true, ms };
}
