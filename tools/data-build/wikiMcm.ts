/** Season-level fill-ins from the MCM rows: weeks, weekly figures and exits the saved page does not cover. */
import type { CastCouple } from "./couples.js";
import { type McmRow, mcmExitWeek, mcmWeekly, mcmWeeksOfSeason } from "./mcm.js";
import { compact, type RoundType, type WeekInput, type WeeklyScoreInput } from "./model.js";
import { nameKey, type People } from "./people.js";
import type { WikiPage } from "./wikipedia.js";

/** MCM's positional judge columns for one week, named by the page's order ("Guest judge", "America's Score" kept). */
export interface McmColumns {
  week: number;
  label?: string;
  columns: string[];
}

export type McmLookup = (celebrity: string) => McmRow | undefined;

/** Rounds the MCM weekly figures average over. */
export function countsInAverage(round: RoundType): boolean {
  return !["relay", "marathon", "dance-off"].includes(round);
}

/** Finds a celebrity's MCM row by name, or by a last name only one row shares (spellings differ across sources). */
export function mcmLookup(rows: McmRow[]): McmLookup {
  const byKey = new Map(rows.map((r) => [nameKey(r.celebrity), r]));
  return (celebrity) => byKey.get(nameKey(celebrity)) ?? fuzzyMcm(rows, celebrity);
}

function fuzzyMcm(rows: McmRow[], celebrity: string): McmRow | undefined {
  const parts = nameKey(celebrity).split(" ");
  const lastName = parts[parts.length - 1] ?? "";
  const hits = rows.filter((r) => nameKey(r.celebrity).split(" ").includes(lastName));
  return hits.length === 1 ? hits[0] : undefined;
}

export function lastScoredWeek(row: McmRow | undefined): number | null {
  if (!row) return null;
  let last: number | null = null;
  for (const [w] of row.weeks) if (mcmWeekly(row, w)) last = w;
  return last;
}

/** When MCM has fewer columns than the page shows, MCM dropped the pseudo-judges: keep the regular panel only. */
export function fitColumnsToMcm(cols: string[], week: number, mcm: McmRow[], regularJudges: string[]): string[] {
  const width = Math.max(0, ...mcm.map((r) => mcmWeekly(r, week)?.length ?? 0));
  return width && cols.length > width ? cols.filter((c) => regularJudges.includes(c)) : cols;
}

/** Weeks MCM scores that the page does not (season 31 weeks 8 and on), as weekly figures only. */
export function addMcmOnlyWeeks(
  weeks: WeekInput[],
  columns: McmColumns[],
  mcm: McmRow[],
  page: WikiPage,
  people: People,
): void {
  const defaultColumns = page.weeks.find((w) => !w.judgesOverridden)?.judges ?? page.judges;
  for (const w of mcmWeeksOfSeason(mcm)) {
    if (weeks.some((x) => x.week === w && !x.label)) continue;
    const width = Math.max(...mcm.map((r) => mcmWeekly(r, w)?.length ?? 0));
    // The page's usual panel names the columns only when the counts agree.
    const judges = width === defaultColumns.length ? defaultColumns.map((j) => people.get(j)) : [];
    const notes = ["Known only from the MCM weekly figures: no per-dance record in the sources."];
    if (!judges.length)
      notes.push(`${width} judge columns in the MCM figures; the judges' names are not in the sources.`);
    weeks.push({ week: w, airDate: null, theme: null, judges, performances: [], notes });
    columns.push({ week: w, columns: judges.length ? judges : [] });
  }
}

/** Weekly figures for couple-weeks with no scored dance in the file. */
export function addWeeklyScores(weeks: WeekInput[], cast: CastCouple[], mcmOf: McmLookup): void {
  for (const week of weeks) {
    if (week.label) continue;
    const scored = new Set(
      week.performances.filter((p) => p.scores && countsInAverage(p.round)).flatMap((p) => p.couples),
    );
    const weekly: WeeklyScoreInput[] = [];
    for (const c of cast) {
      const row = mcmOf(c.celebrity);
      const values = row ? mcmWeekly(row, week.week) : null;
      if (!values || scored.has(c.celebrity)) continue;
      const danced = week.performances.filter(
        (p) => countsInAverage(p.round) && p.couples.includes(c.celebrity),
      ).length;
      weekly.push(compact({ couple: c.celebrity, scores: values, dances: danced || undefined }));
    }
    if (weekly.length) week.weeklyScores = weekly;
  }
}

/** Eliminations from MCM for weeks the page does not cover. */
export function addMcmExits(weeks: WeekInput[], cast: CastCouple[], mcmOf: McmLookup, page: WikiPage): void {
  for (const c of cast) {
    const row = mcmOf(c.celebrity);
    const exit = row ? mcmExitWeek(row.result) : null;
    if (exit === null) continue;
    const week = weeks.find((w) => w.week === exit && !w.label);
    if (week && !(week.results ?? []).some((r) => r.couple === c.celebrity && r.outcome === "eliminated")) {
      if (!page.weeks.some((w) => w.week === exit))
        week.results = [...(week.results ?? []), { couple: c.celebrity, outcome: "eliminated" }];
    }
  }
}
