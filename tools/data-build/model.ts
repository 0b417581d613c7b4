/** Shared types and small helpers for building season files. */
import type { z } from "zod";
import type { RoundType, seasonFileSchema } from "../../src/data/seasonFile.js";

export type { RoundType };

export type SeasonInput = z.input<typeof seasonFileSchema>;
export type WeekInput = SeasonInput["weeks"][number];
export type PerformanceInput = WeekInput["performances"][number];
export type CoupleInput = SeasonInput["couples"][number];
export type BonusInput = NonNullable<PerformanceInput["bonus"]>[number];
export type ResultInput = NonNullable<WeekInput["results"]>[number];
export type WeeklyScoreInput = NonNullable<WeekInput["weeklyScores"]>[number];
export type SourceInput = SeasonInput["sources"][number];

export const FORMAT = "mirrorball.season/1" as const;

const ORDINALS = ["", "Winner", "Runner-up", "Third place", "Fourth place", "Fifth place", "Sixth place"];

/** The result as the show gives it, from the placement and how the couple left. */
export function resultText(opts: {
  placement: number | null;
  exitWeek: number | null;
  withdrew: boolean;
  finalist: boolean;
}): string {
  if (opts.withdrew) return opts.exitWeek ? `Withdrew Week ${opts.exitWeek}` : "Withdrew";
  if (opts.finalist && opts.placement && ORDINALS[opts.placement]) return ORDINALS[opts.placement] ?? "";
  if (opts.exitWeek) return `Eliminated Week ${opts.exitWeek}`;
  return opts.placement ? `Place ${opts.placement}` : "Unknown";
}

/** "September 26, 2023" or "2023-09-26" -> "2023-09-26"; null when unreadable. */
export function isoDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const t = text.replace(/\[[^\]]*\]/g, "").trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  const m = /([A-Z][a-z]+)\s+(\d{1,2}),\s*(\d{4})/.exec(t);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  const month = MONTHS.indexOf(m[1].toLowerCase()) + 1;
  if (month === 0) return null;
  return `${m[3]}-${String(month).padStart(2, "0")}-${m[2].padStart(2, "0")}`;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Round to 4 decimals to keep float noise out of the files. */
export function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** Drop keys whose value is undefined, null-valued optional arrays stay as given. */
export function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
