/** Builds every season file and the MCM reference from the raw sources (pure: returns contents, writes nothing). */
import { readFileSync } from "node:fs";
import { type CompiledSeason, compiledToSeason } from "./compiled.js";
import { ProDirectory } from "./couples.js";
import { parseEpisodes } from "./episodes.js";
import { type McmRow, parseMcm } from "./mcm.js";
import type { SeasonInput } from "./model.js";
import { People } from "./people.js";
import { buildReference, type McmReference } from "./reconcile.js";
import { readIfExists, sourcePaths } from "./sources.js";
import { parseWikipediaPage, type WikiPage } from "./wikipedia.js";
import { type McmColumns, wikiToSeason } from "./wikiSeason.js";
import { parseSeason34, withArticle } from "./wikitext34.js";

export const SEASONS = Array.from({ length: 35 }, (_, i) => i + 1);

export interface BuildOutput {
  seasons: SeasonInput[];
  reference: McmReference;
  diagnostics: string[];
}

interface IndexEntry {
  season: number;
  url: string;
  wikipedia_revision_id?: number;
  fetched_utc?: string;
}

export function buildAll(from: string, only?: number[]): BuildOutput {
  const paths = sourcePaths(from);
  const mcm = parseMcm(readFileSync(paths.mcm, "utf8"));
  const index = JSON.parse(readIfExists(paths.wikipediaIndex) ?? "[]") as IndexEntry[];
  const diagnostics: string[] = [];

  // Pass 1: every page, so that names and pros are known across seasons before any is written.
  const people = new People();
  const pros = new ProDirectory();
  const pages = new Map<number, WikiPage>();
  for (const s of SEASONS) {
    const html = readIfExists(paths.wikipedia(s));
    if (!html) continue;
    const page = parseWikipediaPage(html);
    pages.set(s, page);
    for (const c of page.cast) {
      people.add(c.celebrity);
      pros.add(people.add(c.pro), s);
    }
    for (const n of [...page.hosts, ...page.judges]) people.add(n);
  }
  for (const r of mcm) {
    people.add(r.celebrity);
    pros.add(people.add(r.pro), r.season);
  }

  const seasons: SeasonInput[] = [];
  const columns = new Map<number, McmColumns[]>();
  for (const s of SEASONS) {
    if (only && !only.includes(s)) continue;
    const rows = mcm.filter((r) => r.season === s).map((r) => withPeople(r, people));
    const compiled = readIfExists(paths.compiled(s));
    if (compiled) {
      const skeleton = compiledToSeason(JSON.parse(compiled) as CompiledSeason, rows);
      const wikitext = s === 34 ? readIfExists(paths.wikitext34) : null;
      const file = wikitext ? withArticle(skeleton, parseSeason34(wikitext, skeleton.couples)) : skeleton;
      seasons.push(file);
      columns.set(
        s,
        file.weeks.map((w) => ({ week: w.week, columns: mcmColumns(w.judges, w.guestJudges) })),
      );
      continue;
    }
    const page = pages.get(s);
    if (!page) {
      diagnostics.push(`S${s}: no source`);
      continue;
    }
    const episodesText = readIfExists(paths.episodes(s));
    const entry = index.find((e) => e.season === s);
    const result = wikiToSeason({
      season: s,
      page,
      mcm: rows,
      episodes: episodesText ? parseEpisodes(episodesText) : null,
      people,
      pros,
      wikipedia: entry
        ? { url: entry.url, revision: entry.wikipedia_revision_id ?? null, fetched: entry.fetched_utc ?? null }
        : null,
    });
    const file = s === 31 ? withCompiledWeeks(result.file, readIfExists(paths.compiledWeeks31), rows) : result.file;
    seasons.push(file);
    columns.set(s, result.columns);
    diagnostics.push(...result.diagnostics);
  }
  const reference = buildReference(
    mcm.map((r) => withPeople(r, people)),
    columns,
    only,
  );
  return { seasons, reference, diagnostics };
}

function withPeople(r: McmRow, people: People): McmRow {
  return { ...r, celebrity: people.get(r.celebrity), pro: people.get(r.pro) };
}

/**
 * Season 31: the 2022-10-31 page stops at week 7 (unscored); the compiled file has weeks 7-10 dance by dance.
 * Its weeks replace the page's, keeping the page's week paragraphs and judges' save votes.
 */
function withCompiledWeeks(file: SeasonInput, text: string | null, mcm: McmRow[]): SeasonInput {
  if (!text) return file;
  const raw = JSON.parse(text) as CompiledSeason;
  const compiled = compiledToSeason(
    {
      ...raw,
      couples: file.couples.map((c) => ({
        celebrity: c.celebrity,
        professional: c.pro,
        placement: c.placement ?? null,
        result_mcm: mcm.find((r) => r.celebrity === c.celebrity)?.result ?? c.result,
      })),
    },
    mcm,
  );
  const weeks = file.weeks.map((w) => {
    const fresh = compiled.weeks.find((c) => c.week === w.week && !w.label);
    if (!fresh) return w;
    const notes = [...(w.notes ?? []).filter((n) => !/^Known only from the MCM/.test(n)), ...(fresh.notes ?? [])];
    return {
      ...fresh,
      airDate: w.airDate ?? fresh.airDate,
      judgesSave: w.judgesSave,
      notes: notes.length ? notes : undefined,
    };
  });
  const sources = [...file.sources, ...compiled.sources.filter((s) => s.url)];
  const notes = [
    ...(file.notes ?? []).filter((n) => !/later weeks are known only from the MCM/.test(n)),
    "Weeks 7-10 come from the compiled season 31 file (Wikipedia week 7 and news recaps, checked against the MCM figures).",
    ...(compiled.notes ?? []),
  ];
  const finale = file.finale ?? weeks.find((w) => w.isFinale)?.airDate ?? null;
  return { ...file, finale, weeks, sources, notes };
}

/**
 * MCM's judge columns for a week: the week's judges, except that a two-night week with a different guest each
 * night (S33 W3) has one guest column, holding whichever guest judged the dance ("Rosie Perez|Gene Simmons").
 */
function mcmColumns(judges: string[], guests: string[] | undefined): string[] {
  if (!guests || guests.length < 2) return judges;
  const first = judges.findIndex((j) => guests.includes(j));
  return judges.flatMap((j, i) => (i === first ? [guests.join("|")] : guests.includes(j) ? [] : [j]));
}
