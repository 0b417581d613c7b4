/**
 * Season 34 from the English Wikipedia article as wikitext (`wikipedia-2026/season_34.wikitext`).
 *
 * The wikitext is read with wtf_wikipedia, a maintained wikitext parser: it resolves links and templates to
 * text and spreads rowspan/colspan cells, so each weekly table comes back as rows keyed by column header.
 * This module only interprets those rows in the show's words (couples, dances, scores, bonus points).
 * Couples, dates, results and the MCM figures come from the compiled skeleton (compiled/season34.json);
 * the article replaces its weeks' judges and dances.
 */
import wtf from "wtf_wikipedia";
import type { BonusInput, CoupleInput, PerformanceInput, SeasonInput, WeekInput } from "./model.js";
import { compact } from "./model.js";
import { canonicalName, cleanText, nameKey } from "./people.js";

type Row = Record<string, { text: string }>;

/** The part of wtf_wikipedia's section API used here (its typings return `object | object[]`). */
interface WtfSection {
  title(): string;
  paragraphs(): { text(): string }[];
  tables(): { json(): unknown }[];
}

export const WIKITEXT_34 = {
  name: 'English Wikipedia, "Dancing with the Stars (American TV series) season 34" (wikitext, mid-2026 revision)',
  url: "https://en.wikipedia.org/wiki/Dancing_with_the_Stars_(American_TV_series)_season_34",
  licence: "CC BY-SA 4.0",
};

const NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

interface ParsedWeek {
  week: number;
  theme: string | null;
  judges: string[];
  performances: PerformanceInput[];
  bonus: BonusInput[];
  notes: string[];
}

export interface Season34Article {
  weeks: ParsedWeek[];
  notability: Map<string, string>;
}

/** Reads the article: every week's judges, dances and bonus points, and the cast's notability. */
export function parseSeason34(text: string, couples: CoupleInput[]): Season34Article {
  const doc = wtf(text);
  const sections = doc.sections() as unknown as WtfSection[];
  const resolve = coupleResolver(couples);
  const proOf = (celebrity: string) => couples.find((c) => c.celebrity === celebrity)?.pro ?? celebrity;
  const defaultJudges = judgeOrder(sections.find((s) => s.title() === "Weekly scores")?.paragraphs() ?? []) ?? [];

  const notability = new Map<string, string>();
  const cast = sections
    .find((s) => s.title() === "Couples")
    ?.tables()[0]
    ?.json() as Row[] | undefined;
  for (const r of cast ?? []) {
    const celebrity = cleanText(r.Celebrity?.text ?? "");
    const note = cleanText(r.Notability?.text ?? "");
    if (celebrity && note) notability.set(nameKey(celebrity), note);
  }

  const weeks: ParsedWeek[] = [];
  for (const section of sections) {
    const m = /^Week (\d+)(?::\s*(.+))?/.exec(section.title());
    if (!m?.[1]) continue;
    const week = Number(m[1]);
    const paragraphs = section.paragraphs().map((p) => cleanText(p.text()));
    const judges = judgeOrder(section.paragraphs()) ?? defaultJudges;
    const prose = paragraphs.filter((p) => p && !/^Individual judges' scores|^Couples are listed/.test(p));
    const parsed: ParsedWeek = {
      week,
      theme: m[2] ? cleanText(m[2]) : null,
      judges,
      performances: [],
      bonus: [],
      notes: prose,
    };
    const semifinal = /semi-final/i.test(section.title());
    const relayPoints = numberWord(/for (\w+) bonus points/i.exec(prose.join(" "))?.[1]);
    for (const table of section.tables())
      readTable(table.json() as Row[], parsed, { resolve, proOf, relayPoints, semifinal });
    const immunity = /(\w+) & (\w+) earned immunity[^.]*?received (\w+) bonus points/i.exec(prose.join(" "));
    if (immunity?.[1] && immunity[2]) {
      const couple = resolve(immunity[1], immunity[2]);
      const points = numberWord(immunity[3]);
      if (couple && points) parsed.bonus.push({ couple, points, reason: "Immunity from the dance relays" });
    }
    weeks.push(parsed);
  }
  return { weeks, notability };
}

/** The skeleton season with the article's judges, dances and bonus points in every week it covers. */
export function withArticle(base: SeasonInput, article: Season34Article): SeasonInput {
  const regular = base.judges;
  const weeks: WeekInput[] = base.weeks.map((w) => {
    const a = article.weeks.find((x) => x.week === w.week);
    if (!a?.performances.length) return w;
    const danced = new Set(a.performances.filter((p) => p.scores).flatMap((p) => p.couples));
    const weeklyScores = w.weeklyScores?.filter((s) => !danced.has(s.couple));
    const guests = a.judges.filter((j) => !regular.includes(j));
    const notes = (w.notes ?? []).filter((n) => !/judge columns in the MCM figures|MCM partner strings/.test(n));
    return compact({
      ...w,
      theme: a.theme ?? w.theme,
      judges: a.judges,
      guestJudges: guests.length ? guests : undefined,
      performances: a.performances,
      weeklyScores: weeklyScores?.length ? weeklyScores : undefined,
      bonus: a.bonus.length ? a.bonus : undefined,
      notes: [...a.notes, ...notes],
    });
  });
  const couples = base.couples.map((c) => ({
    ...c,
    notability: article.notability.get(nameKey(c.celebrity)) ?? c.notability,
  }));
  return {
    ...base,
    couples,
    weeks,
    sources: [WIKITEXT_34, ...base.sources],
    notes: [
      "Weeks 1-11 dance by dance from the Wikipedia article (wikitext); couples, dates and results from the compiled file and MCM.",
      ...(base.notes ?? []),
    ],
  };
}

interface TableContext {
  resolve: Resolver;
  proOf: (celebrity: string) => string;
  relayPoints: number | null;
  semifinal: boolean;
}

function readTable(rows: Row[], week: ParsedWeek, ctx: TableContext): void {
  const { resolve, proOf, relayPoints } = ctx;
  const marathon: { couple: string; points: number }[] = [];
  let marathonRow: Row | null = null;
  const relays = new Map<string, { rows: { couple: string; standIn: string; won: boolean }[]; row: Row }>();
  const dancesOf = new Map<string, number>();

  for (const row of rows) {
    const label = cleanText(row.Couple?.text ?? "");
    const dance = cleanText(row.Dance?.text ?? "");
    const scoresText = cleanText(row.Scores?.text ?? "");
    if (/marathon/i.test(dance)) {
      const couple = resolveLabel(label, resolve);
      if (couple) marathon.push({ couple, points: Number(scoresText) || 0 });
      marathonRow ??= row;
      continue;
    }
    if (/relay/i.test(dance)) {
      const m = /^(\S+) & (.+?)\s*\((.*)\)$/.exec(label);
      const couple = m?.[1] ? resolve(m[1]) : null;
      if (!couple || !m?.[2]) continue;
      const entry = relays.get(dance) ?? { rows: [], row };
      entry.rows.push({ couple, standIn: canonicalName(m[2]), won: /winner/i.test(row.Result?.text ?? "") });
      relays.set(dance, entry);
      continue;
    }
    const scores = parseScores(scoresText, week.judges.length);
    const music = parseMusic(row);
    const extra = Object.entries(row)
      .filter(([k]) => !/^(Couple|Scores|Dance|Result|Judge)$/.test(k) && !/music$/i.test(k) && k !== "Music")
      .map(([k, v]) => `${k}: ${cleanText(v.text)}`)
      .filter((t) => !/:\s*$/.test(t));
    const team = /\(Team ([^)]+)\)/.exec(dance);
    if (team?.[1]) {
      const members = [...label.matchAll(/(\S+) & (\S+)/g)]
        .map((x) => resolve(x[1] ?? "", x[2]))
        .filter((c): c is string => !!c);
      const captain = cleanText(label.split(/\S+ & \S+/)[0] ?? "");
      week.performances.push(
        compact({
          round: "team" as const,
          style: cleanText(dance.replace(/\(Team [^)]+\)/, "")),
          song: music.song,
          artist: music.artist,
          couples: members,
          team: `Team ${team[1]}`,
          scores: scores ?? undefined,
          note: captain ? `With co-host ${captain}` : undefined,
        }),
      );
      continue;
    }
    const couple = resolveLabel(label, resolve);
    if (!couple) continue;
    const n = (dancesOf.get(couple) ?? 0) + 1;
    dancesOf.set(couple, n);
    const notes = [...music.notes, ...extra];
    let round: PerformanceInput["round"] = "regular";
    if (/freestyle/i.test(dance)) round = "freestyle";
    else if (row.Judge) {
      notes.unshift(n === 1 ? `Selected and coached by ${cleanText(row.Judge.text)}` : "Instant dance");
    } else if (ctx.semifinal) round = "semifinal";
    week.performances.push(
      compact({
        round,
        style: dance || null,
        song: music.song,
        artist: music.artist,
        couples: [couple],
        scores: scores ?? undefined,
        note: notes.length ? notes.join("; ") : undefined,
      }),
    );
  }

  if (marathon.length && marathonRow) {
    const music = parseMusic(marathonRow);
    const style = cleanText(marathonRow.Dance?.text ?? "").replace(/\s*Marathon$/i, " marathon");
    week.performances.push(
      compact({
        round: "marathon" as const,
        style,
        song: music.song,
        artist: music.artist,
        couples: marathon.map((m) => m.couple),
        bonus: marathon
          .filter((m) => m.points > 0)
          .map((m) => ({ couple: m.couple, points: m.points, reason: "Dance marathon" })),
        note: "Unscored marathon: bonus points by order of elimination from the floor",
      }),
    );
  }
  for (const [dance, relay] of relays) {
    const music = parseMusic(relay.row);
    const winner = relay.rows.find((r) => r.won)?.couple;
    week.performances.push(
      compact({
        round: "relay" as const,
        style: cleanText(dance.replace(/\s*Relay$/i, "")),
        song: music.song,
        artist: music.artist,
        couples: relay.rows.map((r) => r.couple),
        standIns: relay.rows.map((r) => ({ couple: r.couple, by: r.standIn, for: proOf(r.couple) })),
        bonus: winner && relayPoints ? [{ couple: winner, points: relayPoints, reason: "Won the relay" }] : undefined,
        winner,
        note: "Each celebrity danced with a returning mirrorball champion instead of their pro",
      }),
    );
  }
}

/** "37 (9, 9, 9, 10)" -> [9, 9, 9, 10]; null when the cell has no per-judge scores. */
function parseScores(text: string, judges: number): (number | null)[] | null {
  const m = /\(([\d.,\s]+)\)/.exec(text);
  if (!m?.[1]) return null;
  const values = m[1].split(",").map((v) => Number(v.trim()));
  if (values.length !== judges || values.some((v) => !Number.isFinite(v))) return null;
  return values;
}

/** '"Song" — Artist & "Song 2" — Artist 2' -> songs and artists joined with " / " (the format's medley rule). */
function parseMusic(row: Row): { song: string | null; artist: string | null; notes: string[] } {
  const key = Object.keys(row).find((k) => /music$/i.test(k));
  const text = cleanText(key ? (row[key]?.text ?? "") : "");
  if (!text) return { song: null, artist: null, notes: [] };
  const songs: string[] = [];
  const artists: string[] = [];
  const notes: string[] = [];
  for (const part of text.split(/\s*&\s*(?=")/)) {
    const m = /^"(.+?)"\s*(?:—\s*(.+?))?\s*(\(.*\))?$/.exec(part.trim());
    if (!m?.[1]) continue;
    songs.push(m[1].replace(/"$/, ""));
    if (m[2]) artists.push(m[2]);
    if (m[3]) notes.push(m[3].replace(/^\(|\)$/g, ""));
  }
  // A column headed "Prince music" names the artist in its header.
  const byHeader = key && key !== "Music" && /^Prince music$/i.test(key) ? "Prince" : null;
  return {
    song: songs.length ? songs.join(" / ") : null,
    artist: artists.length === songs.length && artists.length ? artists.join(" / ") : byHeader,
    notes,
  };
}

/** "... listed in this order from left to right: Carrie Ann Inaba, Derek Hough, Bruno Tonioli." */
function judgeOrder(paragraphs: { text(): string }[]): string[] | null {
  for (const p of paragraphs) {
    const m = /from left to right:\s*(.+?)\.?$/.exec(cleanText(p.text()));
    if (m?.[1]) return m[1].split(/,\s*/).map((j) => canonicalName(j.replace(/^and\s+/, "")));
  }
  return null;
}

type Resolver = (celebrityFirst: string, proFirst?: string) => string | null;

/** The table names couples "Robert & Witney": celebrity's and pro's first names. */
function coupleResolver(couples: CoupleInput[]): Resolver {
  const first = (name: string) => nameKey(name).split(" ")[0] ?? "";
  return (celebrityFirst, proFirst) => {
    const matches = couples.filter(
      (c) => first(c.celebrity) === nameKey(celebrityFirst) && (!proFirst || first(c.pro) === nameKey(proFirst)),
    );
    return matches.length === 1 ? (matches[0]?.celebrity ?? null) : null;
  };
}

function resolveLabel(label: string, resolve: Resolver): string | null {
  const m = /^(\S+) & (\S+)$/.exec(label);
  return m?.[1] ? resolve(m[1], m[2]) : null;
}

function numberWord(word: string | undefined): number | null {
  if (!word) return null;
  const n = NUMBERS[word.toLowerCase()] ?? Number(word);
  return Number.isFinite(n) ? n : null;
}
