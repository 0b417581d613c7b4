/**
 * Builds a season file (seasons 1-31) from the parsed Wikipedia page, the MCM rows and the episode table.
 * Per-dance facts come from Wikipedia; placements, celebrity facts and the weekly numbers of weeks
 * without per-dance scores (S31 weeks 7+) come from MCM; air dates and fallback themes from the episode table.
 * A week is assembled in wikiWeek.ts; this file does the season: weeks in order, MCM fill-ins, couples, sources.
 */
import { type CastCouple, CoupleResolver } from "./couples.js";
import { assignEpisodes, type Episode } from "./episodes.js";
import { mcmExitWeek, mcmHometown } from "./mcm.js";
import {
  type CoupleInput,
  compact,
  FORMAT,
  resultText,
  type SeasonInput,
  type SourceInput,
  type WeekInput,
} from "./model.js";
import { nameKey } from "./people.js";
import { deriveBonusFromMcm } from "./wikiBonus.js";
import type { WikiSeasonContext } from "./wikiContext.js";
import {
  addMcmExits,
  addMcmOnlyWeeks,
  addWeeklyScores,
  fitColumnsToMcm,
  lastScoredWeek,
  type McmColumns,
  type McmLookup,
  mcmLookup,
} from "./wikiMcm.js";
import type { WikiPage } from "./wikipedia.js";
import { buildWeek } from "./wikiWeek.js";

export type { McmColumns } from "./wikiMcm.js";

export interface WikiSeasonResult {
  file: SeasonInput;
  columns: McmColumns[];
  diagnostics: string[];
}

/** Each couple's weekly outcomes on the page, in week order (to find withdrawals and exits MCM does not give). */
type OutcomesByCouple = Map<string, { week: number; outcome: string }[]>;

export function wikiToSeason(ctx: WikiSeasonContext): WikiSeasonResult {
  const { season, page, people } = ctx;
  const diagnostics: string[] = [];
  const regularJudges = page.judges.map((j) => people.get(j));
  const cast: CastCouple[] = page.cast.map((c) => ({ celebrity: people.get(c.celebrity), pro: people.get(c.pro) }));
  const mcmOf = mcmLookup(ctx.mcm);
  for (const c of cast) if (!mcmOf(c.celebrity)) diagnostics.push(`S${season}: no MCM row for ${c.celebrity}`);

  const { weeks, columns, outcomes } = pageWeeks(ctx, cast, regularJudges, diagnostics);
  deriveBonusFromMcm(weeks, columns, cast, mcmOf);
  addMcmOnlyWeeks(weeks, columns, ctx.mcm, page, people);
  weeks.sort((a, b) => a.week - b.week || (a.label ? 1 : 0) - (b.label ? 1 : 0));
  addWeeklyScores(weeks, cast, mcmOf);
  addMcmExits(weeks, cast, mcmOf, page);

  const competition = weeks.filter((w) => !w.label);
  const finale = competition[competition.length - 1];
  markFinaleAndNoElimination(ctx, competition);
  if (ctx.episodes) applyEpisodes(season, ctx.episodes, competition);

  const couples = buildCouples(ctx, cast, mcmOf, outcomes, finale?.week ?? null);
  const notes: string[] = [];
  if (season === 31)
    notes.push(
      "The saved Wikipedia page (2022-10-31) covers weeks 1-7 (week 7 without scores); later weeks are known only from the MCM weekly figures.",
    );
  const file: SeasonInput = {
    format: FORMAT,
    franchise: "dwts-us",
    season,
    title: `Dancing with the Stars (US) season ${season}`,
    // The infobox can name the first results show (season 2: January 6) rather than the first night of dancing.
    premiere: earliestDate(page.premiere, competition[0]?.airDate),
    finale: page.finale ?? finale?.airDate ?? null,
    trophy: "Mirrorball Trophy",
    hosts: page.hosts.map((h) => people.get(h)),
    judges: regularJudges,
    couples,
    weeks,
    sources: seasonSources(ctx),
    notes: notes.length ? notes : undefined,
  };
  return { file, columns, diagnostics };
}

/** The weeks the page shows, their MCM columns, and each couple's outcomes in the competition weeks. */
function pageWeeks(
  ctx: WikiSeasonContext,
  cast: CastCouple[],
  regularJudges: string[],
  diagnostics: string[],
): { weeks: WeekInput[]; columns: McmColumns[]; outcomes: OutcomesByCouple } {
  const resolver = new CoupleResolver(cast, ctx.pros, ctx.season);
  const weeks: WeekInput[] = [];
  const columns: McmColumns[] = [];
  const outcomes: OutcomesByCouple = new Map();
  for (const wk of ctx.page.weeks) {
    const built = buildWeek(ctx, wk, resolver, regularJudges, diagnostics);
    weeks.push(built.week);
    const cols = fitColumnsToMcm(built.columns, wk.week, ctx.mcm, regularJudges);
    columns.push(compact({ week: wk.week, label: built.week.label, columns: cols }));
    if (!built.week.label)
      for (const r of built.week.results ?? [])
        outcomes.set(r.couple, [...(outcomes.get(r.couple) ?? []), { week: wk.week, outcome: r.outcome }]);
  }
  return { weeks, columns, outcomes };
}

/** The last competition week is the finale; other danced weeks with no one eliminated are no-elimination weeks. */
function markFinaleAndNoElimination(ctx: WikiSeasonContext, competition: WeekInput[]): void {
  const finale = competition[competition.length - 1];
  if (finale) finale.isFinale = true;
  for (const w of competition) {
    if (w.isFinale) continue;
    const eliminated = (w.results ?? []).some((r) => r.outcome === "eliminated");
    if (!eliminated && (w.performances.length > 0 || w.weeklyScores)) {
      // A week only MCM knows may have had an exit MCM records: then it is not a no-elimination week.
      if (ctx.page.weeks.some((p) => p.week === w.week) || !ctx.mcm.some((r) => mcmExitWeek(r.result) === w.week))
        w.noElimination = true;
    }
  }
}

/** Air dates, several-night notes and fallback themes from the episode table. */
function applyEpisodes(season: number, episodes: Episode[], competition: WeekInput[]): void {
  const byWeek = assignEpisodes(
    season,
    episodes,
    competition.map((w) => ({ week: w.week, theme: w.theme })),
  );
  for (const w of competition) {
    const eps = byWeek.get(w.week) ?? [];
    w.airDate = eps[0]?.airDate ?? null;
    const nights = eps.filter((e) => !/result/i.test(e.title));
    if (nights.length > 1)
      w.notes = [
        `Several nights: ${nights.map((e) => `${e.airDate ?? "?"}${e.title ? ` (${e.title})` : ""}`).join(", ")}`,
        ...(w.notes ?? []),
      ];
    if (!w.theme) {
      // Generic titles ("Episode 3", "Week 2", "Performance show") are not themes.
      const title = eps[0]?.title ?? "";
      if (title && !/^(episode|result|week\s+\d+$|performance show)/i.test(title)) w.theme = title;
    }
  }
}

function seasonSources(ctx: WikiSeasonContext): SourceInput[] {
  const sources: SourceInput[] = [];
  if (ctx.wikipedia)
    sources.push({
      name: `Wikipedia: Dancing with the Stars (American season ${ctx.season})${ctx.wikipedia.revision ? `, revision ${ctx.wikipedia.revision}` : ""}`,
      url: ctx.wikipedia.url,
      licence: "CC BY-SA 4.0",
    });
  sources.push({ name: "2026 MCM Problem C data (placements, celebrity facts, weekly per-judge figures)" });
  if (ctx.episodes) sources.push({ name: "Wikipedia episode table (titles and air dates)", licence: "CC BY-SA 4.0" });
  return sources;
}

function buildCouples(
  ctx: WikiSeasonContext,
  cast: CastCouple[],
  mcmOf: McmLookup,
  outcomes: OutcomesByCouple,
  finaleWeek: number | null,
): CoupleInput[] {
  const list = cast.map((c, i) => {
    const row = mcmOf(c.celebrity);
    const wikiStatus = ctx.page.cast[i]?.status ?? "";
    const withdrewAt =
      outcomes.get(c.celebrity)?.find((o) => o.outcome === "withdrew")?.week ??
      withdrawalInParagraphs(ctx.page, c.celebrity);
    const withdrew = /withdr/i.test(row?.result ?? "") || (/withdr/i.test(wikiStatus) && withdrewAt !== null);
    let exitWeek = row ? mcmExitWeek(row.result) : null;
    if (withdrew) exitWeek = withdrewAt ?? lastScoredWeek(row);
    if (exitWeek === null && !withdrew && !row) {
      exitWeek = outcomes.get(c.celebrity)?.find((o) => o.outcome === "eliminated")?.week ?? null;
    }
    if (exitWeek !== null && finaleWeek !== null && exitWeek >= finaleWeek) exitWeek = null;
    const placement = row?.placement ?? null;
    const finalist = exitWeek === null;
    return compact({
      celebrity: c.celebrity,
      pro: c.pro,
      notability: ctx.page.cast[i]?.notability ?? null,
      industry: row?.industry ?? null,
      age: row?.age ?? null,
      hometown: row ? mcmHometown(row) : null,
      placement,
      result: resultText({ placement, exitWeek, withdrew, finalist }),
      exitWeek,
      withdrew: withdrew || undefined,
    });
  });
  return list.sort((a, b) => (a.placement ?? 99) - (b.placement ?? 99) || a.celebrity.localeCompare(b.celebrity));
}

/** The first week whose paragraphs say the celebrity withdrew ("... had to withdraw from the competition"). */
function withdrawalInParagraphs(page: WikiPage, celebrity: string): number | null {
  const key = nameKey(celebrity);
  for (const w of page.weeks)
    for (const p of w.paragraphs)
      for (const sentence of p.split(/(?<=\.)\s+/))
        if (/withdr/i.test(sentence) && nameKey(sentence).includes(key)) return w.week;
  return null;
}

/** The earlier of two ISO dates, either of which may be unknown. */
function earliestDate(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a && b) return a < b ? a : b;
  return a ?? b ?? null;
}
