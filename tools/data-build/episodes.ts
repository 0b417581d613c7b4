/** Episode tables (episodes/ratings_N.csv): episode titles and air dates, matched to competition weeks. */
import { parseCsv } from "./csv.js";
import { isoDate } from "./model.js";
import { nameKey } from "./people.js";

export interface Episode {
  title: string;
  airDate: string | null;
}

/**
 * Rows are read by position, not by header: some tables leave the title column unnamed. The air date is the
 * first field written as a date ("September 14, 2015"); the title is the field before it, unless that is a number.
 */
export function parseEpisodes(text: string): Episode[] {
  const episodes: Episode[] = [];
  for (const row of parseCsv(text).slice(1)) {
    const dateIndex = row.findIndex((f) => isoDate(f) !== null);
    if (dateIndex < 0) continue;
    const before = (row[dateIndex - 1] ?? "").replace(/^"+|"+$/g, "").trim();
    const title = /^\d+$/.test(before) ? "" : before;
    episodes.push({ title, airDate: isoDate(row[dateIndex]) });
  }
  return episodes;
}

/** Specials and results-only shows that are not a competition night of their own. */
const NOT_A_NIGHT =
  /special|road to the finals|reunion|holiday|christmas|countdown|sneak|behind the scenes|backstage|meet the cast|clip show/i;
/** The second night of a two-night week ("Premiere (Night 2)", "Hometown Glory, Part 2"). */
const SECOND_NIGHT = /\bnight (?:2|two)\b|\bpart (?:2|two)\b/i;

/**
 * Assigns episodes to weeks, in order: by an explicit week number ("Week 3", "Episode 902", "Result Show 201A"),
 * else by the theme words shared with a week heading, else to the next week without an episode.
 */
export function assignEpisodes(
  season: number,
  episodes: Episode[],
  weeks: { week: number; theme: string | null }[],
): Map<number, Episode[]> {
  const byWeek = new Map<number, Episode[]>();
  const weekNumbers = weeks.map((w) => w.week);
  const last = Math.max(0, ...weekNumbers);
  let cursor = weekNumbers[0] ?? 1;
  const add = (week: number, ep: Episode) => {
    const list = byWeek.get(week) ?? [];
    list.push(ep);
    byWeek.set(week, list);
    cursor = week;
  };
  for (const ep of episodes) {
    const explicit = explicitWeek(season, ep.title);
    if (explicit !== null) {
      if (explicit >= cursor && explicit <= last) add(explicit, ep);
      continue;
    }
    if (NOT_A_NIGHT.test(ep.title)) continue;
    if (SECOND_NIGHT.test(ep.title) && byWeek.has(cursor)) {
      add(cursor, ep);
      continue;
    }
    const candidates = weeks.filter((w) => w.week >= cursor && w.week <= cursor + 2);
    let best: { week: number; score: number } | null = null;
    for (const w of candidates) {
      const score = overlap(ep.title, w.theme ?? "");
      if (score > 0 && (!best || score > best.score)) best = { week: w.week, score };
    }
    if (best) add(best.week, ep);
    else if (/result/i.test(ep.title)) {
      if (byWeek.has(cursor)) add(cursor, ep);
    } else {
      const next = byWeek.has(cursor) ? weekNumbers.find((w) => w > cursor) : cursor;
      if (next !== undefined) add(next, ep);
    }
  }
  return byWeek;
}

function explicitWeek(season: number, title: string): number | null {
  const w = /\bweek\s+(\d+)\b/i.exec(title);
  if (w?.[1]) return Number(w[1]);
  const show = /\b(?:performance|results?) show\s+(\d{1,2})\b/i.exec(title);
  if (show?.[1]) return Number(show[1]);
  const e = /\b(?:episode|result show)\s+(\d{3,4})[a-z]?\b/i.exec(title);
  if (e?.[1]) {
    const n = Number(e[1]);
    const week = n - season * 100;
    return week >= 1 && week <= 20 ? week : null;
  }
  return null;
}

const STOP = new Set(["night", "the", "of", "a", "and", "week", "show", "s", "part", "1", "2", "results"]);

function overlap(a: string, b: string): number {
  const join = (t: string) => t.replace(/semi-?\s?finals?/gi, "semifinal");
  a = join(a);
  b = join(b);
  const ta = new Set(
    nameKey(a)
      .split(" ")
      .filter((t) => t && !STOP.has(t)),
  );
  const tb = nameKey(b)
    .split(" ")
    .filter((t) => t && !STOP.has(t));
  const tbStems = tb.map(stem);
  let n = 0;
  for (const t of ta) if (tbStems.includes(stem(t))) n++;
  return n;
}

function stem(t: string): string {
  return t
    .replace(/-/g, "")
    .replace(/s$/, "")
    .replace(/^finale$/, "final");
}
