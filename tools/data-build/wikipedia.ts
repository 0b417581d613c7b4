/**
 * Reads one saved Wikipedia season page into a raw, source-shaped record: infobox, cast table,
 * and per week the heading, paragraphs, judge order, weekly tables (as grids) and judges' save votes.
 * Turning this into a season file (names, rounds, results) is wikiSeason.ts's job.
 */
import * as cheerio from "cheerio";
import type { Element } from "domhandler";
import { type GridCell, tableGrid } from "./htmlTable.js";
import { cleanText } from "./people.js";
import { parseJudgeOrder, parseWeekHeading } from "./wikiCells.js";

export interface WikiCastEntry {
  celebrity: string;
  pro: string;
  notability: string | null;
  status: string;
}

export interface WikiTable {
  /** Column names as printed, footnotes removed. */
  headers: string[];
  rows: GridCell[][];
  /** Paragraph text seen between the week heading (or the previous table) and this table. */
  before: string[];
  /** The judge order in force for this table. */
  judges: string[];
}

export interface WikiWeek {
  week: number;
  theme: string | null;
  /** Judge names in score order for this week, as the page lists them (may include "America's Score", "Guest judge"). */
  judges: string[];
  judgesOverridden: boolean;
  paragraphs: string[];
  tables: WikiTable[];
  saveVotes: { judge: string; couple: string }[];
}

export interface WikiPage {
  hosts: string[];
  judges: string[];
  premiere: string | null;
  finale: string | null;
  cast: WikiCastEntry[];
  weeks: WikiWeek[];
}

export function parseWikipediaPage(html: string): WikiPage {
  const $ = cheerio.load(html);
  const infobox = parseInfobox($);
  const cast = parseCast($);
  const weeks = parseWeeks($);
  return { ...infobox, cast, weeks };
}

function parseInfobox($: cheerio.CheerioAPI): Pick<WikiPage, "hosts" | "judges" | "premiere" | "finale"> {
  const box = $("table.infobox").first();
  const field = (label: RegExp): string[] => {
    const th = box.find("th").filter((_, e) => label.test($(e).text().trim()));
    const td = th.first().next("td");
    if (!td.length) return [];
    const copy = td.clone();
    copy.find("sup").remove();
    copy.find("br").replaceWith("\n");
    copy.find("li").each((_, li) => {
      $(li).append("\n");
    });
    return copy
      .text()
      .split("\n")
      .map((s) => cleanText(s))
      .filter(Boolean);
  };
  const release = field(/^Original release$/i).join(" ");
  const iso = [...release.matchAll(/\((\d{4}-\d{2}-\d{2})\)/g)].map((m) => m[1] ?? "");
  return {
    hosts: field(/^(Hosted|Presented) by$/i),
    judges: field(/^Judges$/i),
    premiere: iso[0] ?? null,
    finale: /present/i.test(release) ? null : (iso[1] ?? null),
  };
}

function parseCast($: cheerio.CheerioAPI): WikiCastEntry[] {
  const table = $("table.wikitable")
    .filter((_, e) => /Celebrity/.test($(e).find("tr").first().text()))
    .first();
  if (!table.length) return [];
  const grid = tableGrid($, table);
  const headers = (grid[0] ?? []).map((c) => c.text.toLowerCase());
  const col = (re: RegExp) => headers.findIndex((h) => re.test(h));
  const cCeleb = col(/celebrity/);
  const cNot = col(/notability/);
  const cPro = col(/professional/);
  const cStatus = col(/status/);
  return grid
    .slice(1)
    .filter((row) => row[cCeleb]?.text)
    .map((row) => ({
      celebrity: cleanText(row[cCeleb]?.text.split("\n")[0] ?? ""),
      pro: cleanText(row[cPro]?.text.split("\n")[0] ?? ""),
      notability: row[cNot] ? cleanText(row[cNot].text.replace(/\n/g, " ")) || null : null,
      status: cleanText((row[cStatus]?.text ?? "").replace(/\n/g, " ")),
    }));
}

function parseWeeks($: cheerio.CheerioAPI): WikiWeek[] {
  const start = $("h2")
    .filter((_, e) => /^Weekly scores/i.test($(e).text().trim()))
    .first();
  if (!start.length) return [];
  const weeks: WikiWeek[] = [];
  let defaultJudges: string[] = [];
  let current: WikiWeek | null = null;
  let pending: string[] = [];
  let pendingVotes = false;
  for (let el = start.next(); el.length && !el.is("h2"); el = el.next()) {
    const node = el[0] as Element;
    if (el.is("h3") || el.is("h4")) {
      const heading = parseWeekHeading(cleanText(el.find(".mw-headline").text() || el.text()));
      if (heading) {
        current = {
          week: heading.week,
          theme: heading.theme,
          judges: [...defaultJudges],
          judgesOverridden: false,
          paragraphs: [],
          tables: [],
          saveVotes: [],
        };
        weeks.push(current);
        pending = [];
      }
      continue;
    }
    if (el.is("p")) {
      const text = paragraphText(el);
      if (!text) continue;
      const order = parseJudgeOrder(text);
      if (order && /judge|score/i.test(text)) {
        if (!current) defaultJudges = order;
        else {
          current.judges = order;
          current.judgesOverridden = true;
        }
        continue;
      }
      if (current) {
        current.paragraphs.push(text);
        pending.push(text);
      }
      continue;
    }
    if (el.is("dl")) {
      pendingVotes = /votes? to save/i.test(el.text());
      continue;
    }
    if (el.is("ul") && pendingVotes && current) {
      el.find("li").each((_, li) => {
        const m = /^([^:]+):\s*(.+)$/.exec(cleanText($(li).text()));
        if (m?.[1] && m[2]) current?.saveVotes.push({ judge: m[1].trim(), couple: m[2].trim() });
      });
      pendingVotes = false;
      continue;
    }
    if (node.tagName === "table" && el.hasClass("wikitable") && current) {
      const grid = tableGrid($, el);
      const headers = (grid[0] ?? []).map((c) => c.text.replace(/\s+/g, " ").trim());
      current.tables.push({ headers, rows: grid.slice(1), before: pending, judges: [...current.judges] });
      pending = [];
    }
  }
  return weeks;
}

function paragraphText(el: cheerio.Cheerio<Element>): string {
  const copy = el.clone();
  copy.find("sup").remove();
  return cleanText(copy.text());
}
