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

export const SEASONS = Array.from({ length: 34 }, (_, i) => i + 1);

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
      const file = compiledToSeason(JSON.parse(compiled) as CompiledSeason, rows);
      seasons.push(file);
      columns.set(
        s,
        file.weeks.map((w) => ({ week: w.week, columns: w.judges })),
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
    seasons.push(result.file);
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
