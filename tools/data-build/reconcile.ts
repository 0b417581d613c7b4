/**
 * Reconciliation of the per-dance data with the MCM weekly figures.
 *
 * MCM gives, per couple-week and judge column, the mean of that judge's scores over the week's individual
 * and team dances, with the week's bonus points spread evenly over judges and dances. This module rebuilds
 * that number from a season file and compares it with the reference the importer wrote from MCM
 * (data/reference/mcm-weekly.json), so the check runs without the raw sources.
 */
import type { SeasonFile, SeasonFileWeek } from "../../src/data/seasonFile.js";
import { type McmRow, mcmWeekly } from "./mcm.js";

export interface McmReference {
  format: "mirrorball.mcm-weekly/1";
  source: string;
  note: string;
  seasons: {
    season: number;
    weeks: {
      week: number;
      /** The judge columns in MCM order, named from the season file (pseudo-judges by their label). */
      columns: string[];
      couples: { couple: string; scores: number[] }[];
    }[];
  }[];
}

export function buildReference(
  mcm: McmRow[],
  columns: Map<number, { week: number; label?: string; columns: string[] }[]>,
  only?: number[],
): McmReference {
  const seasons: McmReference["seasons"] = [];
  const seasonNumbers = [...new Set(mcm.map((r) => r.season))].sort((a, b) => a - b);
  for (const season of seasonNumbers) {
    if (only && !only.includes(season)) continue;
    const rows = mcm.filter((r) => r.season === season);
    const weeks: McmReference["seasons"][number]["weeks"] = [];
    for (let w = 1; w <= 11; w++) {
      const couples = rows
        .map((r) => ({ couple: r.celebrity, scores: mcmWeekly(r, w) }))
        .filter((c): c is { couple: string; scores: number[] } => c.scores !== null)
        .sort((a, b) => a.couple.localeCompare(b.couple));
      if (!couples.length) continue;
      const cols = columns.get(season)?.find((c) => c.week === w && !c.label)?.columns ?? [];
      weeks.push({ week: w, columns: cols, couples });
    }
    seasons.push({ season, weeks });
  }
  return {
    format: "mirrorball.mcm-weekly/1",
    source:
      "2026 MCM Problem C data: weekly per-judge figures (judge columns positional; named here from the season files)",
    note: "Facts only: each number is one judge column's weekly figure for one couple, as published (cut to 4 decimals).",
    seasons,
  };
}

export type CoupleWeekStatus = "agree" | "differ" | "weekly-only" | "no-dances";

export interface CoupleWeekCheck {
  season: number;
  week: number;
  couple: string;
  status: CoupleWeekStatus;
  expected: number[];
  rebuilt: (number | null)[];
  detail?: string;
}

/** Rounds whose dances MCM averages (individual and team dances, not dance-offs, relays, marathons). */
const AVERAGED = new Set([
  "regular",
  "redemption",
  "freestyle",
  "team",
  "group",
  "trio",
  "showdance",
  "semifinal",
  "other",
]);

/**
 * Rebuilds one couple-week: per column, the mean of that judge's scores over the couple's scored dances,
 * plus the couple's bonus points divided by (columns x dances).
 */
export function rebuildCoupleWeek(week: SeasonFileWeek, couple: string, columns: string[]): (number | null)[] | null {
  const dances = week.performances.filter(
    (p) => AVERAGED.has(p.round) && p.couples.includes(couple) && (p.scores || p.extraScores),
  );
  if (!dances.length) return null;
  let bonus = 0;
  for (const p of week.performances) for (const b of p.bonus ?? []) if (b.couple === couple) bonus += b.points;
  for (const b of week.bonus ?? []) if (b.couple === couple) bonus += b.points;
  return columns.map((label) => {
    const values: number[] = [];
    for (const d of dances) {
      const v = columnValue(week, d, label);
      if (v !== null) values.push(v);
    }
    if (!values.length) return null;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return mean + bonus / (columns.length * dances.length);
  });
}

function columnValue(week: SeasonFileWeek, perf: SeasonFileWeek["performances"][number], label: string): number | null {
  // One MCM column shared by judges who each judged some of the week's dances (a guest per night).
  if (label.includes("|")) {
    for (const j of label.split("|")) {
      const v = columnValue(week, perf, j);
      if (v !== null) return v;
    }
    return null;
  }
  const idx = week.judges.indexOf(label);
  if (idx >= 0) return perf.scores?.[idx] ?? null;
  const kind = /america/i.test(label) ? "viewers" : /guest/i.test(label) ? "guest judge" : null;
  const extra = perf.extraScores?.find((x) => x.kind === kind);
  return extra?.score ?? null;
}

/** MCM keeps 4 decimals by cutting, not rounding. */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.0006;
}

export function reconcileSeason(file: SeasonFile, ref: McmReference["seasons"][number]): CoupleWeekCheck[] {
  const checks: CoupleWeekCheck[] = [];
  for (const rw of ref.weeks) {
    const week = file.weeks.find((w) => w.week === rw.week && !w.label);
    for (const rc of rw.couples) {
      const base = { season: file.season, week: rw.week, couple: rc.couple, expected: rc.scores };
      if (!week) {
        checks.push({ ...base, status: "no-dances", rebuilt: [], detail: "week not in the season file" });
        continue;
      }
      if (week.weeklyScores?.some((w) => w.couple === rc.couple)) {
        checks.push({ ...base, status: "weekly-only", rebuilt: [] });
        continue;
      }
      const columns = rw.columns.length === rc.scores.length ? rw.columns : [];
      if (!columns.length) {
        checks.push({
          ...base,
          status: "differ",
          rebuilt: [],
          detail: `MCM has ${rc.scores.length} judge columns, the page ${rw.columns.length}`,
        });
        continue;
      }
      const rebuilt = rebuildCoupleWeek(week, rc.couple, columns);
      if (!rebuilt) {
        checks.push({ ...base, status: "no-dances", rebuilt: [], detail: "no scored dance for the couple" });
        continue;
      }
      const ok = rebuilt.every((v, i) => v !== null && same(v, rc.scores[i] ?? Number.NaN));
      checks.push({
        ...base,
        status: ok ? "agree" : "differ",
        rebuilt: rebuilt.map((v) => (v === null ? null : round4(v))),
      });
    }
  }
  return checks;
}

function round4(n: number): number {
  return Math.round(n * 10000) / 10000;
}

/** A known, explained difference between the sources (or a couple-week MCM has and the pages do not). */
export interface Explanation {
  season: number;
  week?: number;
  couple?: string;
  reason: string;
}

export function explanationFor(check: CoupleWeekCheck, explained: Explanation[]): Explanation | undefined {
  return explained.find(
    (e) =>
      e.season === check.season &&
      (e.week === undefined || e.week === check.week) &&
      (e.couple === undefined || e.couple === check.couple),
  );
}
