/**
 * Reads a season's English Wikipedia article (wikitext) in the show's words: every week's judges, dances (style,
 * song, artist, each judge's score), bonus points, the Result column (eliminations, withdrawals, bottom couples and
 * the finale's placements), the week's air date from the Episodes table, and each couple's notability.
 *
 * One reader for both uses: `npm run data:build` reads season 34's finished article with it, and the season feed
 * reads the article of the season on the air with it minutes after each episode.
 *
 * The wikitext is parsed with wtf_wikipedia, a maintained wikitext parser: it resolves links and templates to text
 * and spreads rowspan/colspan cells, so each weekly table comes back as rows keyed by column header. This module only
 * interprets those rows. Couples are named "Robert & Witney" in the tables; they are resolved against the cast the
 * caller already knows (the season's couples).
 */
import wtf from "wtf_wikipedia";
import type { z } from "zod";
import type { seasonFileSchema } from "../data/seasonFile.js";
import { canonicalName, cleanText, nameKey } from "../text/people.js";

type SeasonInput = z.input<typeof seasonFileSchema>;
type WeekInput = SeasonInput["weeks"][number];
export type PerformanceInput = WeekInput["performances"][number];
type BonusInput = NonNullable<PerformanceInput["bonus"]>[number];
export type ResultInput = NonNullable<WeekInput["results"]>[number];

type Row = Record<string, { text: string }>;

/** The part of wtf_wikipedia's section API used here (its typings return `object | object[]`). */
interface WtfSection {
  title(): string;
  paragraphs(): { text(): string }[];
  tables(): { json(): unknown }[];
}

const NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5 };

export interface ArticleWeek {
  week: number;
  theme: string | null;
  /** The judges of the week in the order of every score, guests included. */
  judges: string[];
  performances: PerformanceInput[];
  bonus: BonusInput[];
  notes: string[];
  /** What the Result column says happened to couples that week (eliminated, withdrew, bottom), in table order. */
  results: ResultInput[];
  /** The finale's placements from the Result column ("Winners", "Runners-up", "Third place", ...). */
  placements: { couple: string; placement: number }[];
  /** From the Episodes table: the first episode whose title is the week's theme; null when none matches. */
  airDate: string | null;
  /** True when any Result cell of the week says something ("Safe" included): the results are in. */
  resultsStated: boolean;
  /** Score cells whose stated total is not the sum of their marks ("Amber & Pasha: 25 (8, 8, 8)"). */
  badTotals: string[];
}

export interface Article {
  weeks: ArticleWeek[];
  /** The celebrities of the Couples table, as written there. */
  cast: string[];
  /** Notability by `nameKey` of the celebrity, from the Couples table. */
  notability: Map<string, string>;
}

/** The cast as the caller knows it: every couple's celebrity and pro, and the season's panel. */
export interface ArticleCast {
  couples: readonly { celebrity: string; pro: string }[];
  /** The regular panel, when the article states no judge order. */
  judges: readonly string[];
}

/** Reads the article: every week's judges, dances, bonus points, results and air date, and the cast's notability. */
export function readArticle(text: string, cast: ArticleCast): Article {
  const doc = wtf(text);
  const sections = doc.sections() as unknown as WtfSection[];
  const resolve = coupleResolver(cast.couples);
  const proOf = (celebrity: string) => cast.couples.find((c) => c.celebrity === celebrity)?.pro ?? celebrity;
  const defaultJudges = judgeOrder(sections.find((s) => s.title() === "Weekly scores")?.paragraphs() ?? []) ?? [
    ...cast.judges,
  ];
  const episodes = episodeDates(text);

  const notability = new Map<string, string>();
  const listed: string[] = [];
  const couplesTable = sections
    .find((s) => s.title() === "Couples")
    ?.tables()[0]
    ?.json() as Row[] | undefined;
  for (const r of couplesTable ?? []) {
    const celebrity = cleanText(r.Celebrity?.text ?? "");
    const note = cleanText(r.Notability?.text ?? "");
    if (celebrity) listed.push(celebrity);
    if (celebrity && note) notability.set(nameKey(celebrity), note);
  }

  const weeks: ArticleWeek[] = [];
  for (const section of sections) {
    const m = /^Week (\d+)(?::\s*(.+))?/.exec(section.title());
    if (!m?.[1]) continue;
    const week = Number(m[1]);
    const paragraphs = section.paragraphs().map((p) => cleanText(p.text()));
    const judges = judgeOrder(section.paragraphs()) ?? defaultJudges;
    const prose = paragraphs.filter((p) => p && !/^Individual judges' scores|^Couples are listed/.test(p));
    const theme = m[2] ? cleanText(m[2]) : null;
    const parsed: ArticleWeek = {
      week,
      theme,
      judges,
      performances: [],
      bonus: [],
      notes: prose,
      results: [],
      placements: [],
      resultsStated: false,
      badTotals: [],
      airDate: theme ? (episodes.find((e) => titleMatches(e.title, theme))?.airDate ?? null) : null,
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
  return { weeks, cast: listed, notability };
}

interface TableContext {
  resolve: Resolver;
  proOf: (celebrity: string) => string;
  relayPoints: number | null;
  semifinal: boolean;
}

function readTable(rows: Row[], week: ArticleWeek, ctx: TableContext): void {
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
    const stated = /^(\d+(?:\.\d+)?)\s*\(/.exec(scoresText)?.[1];
    if (stated && scores?.every((v) => v !== null)) {
      const sum = scores.reduce<number>((t, v) => t + (v ?? 0), 0);
      if (Math.abs(sum - Number(stated)) > 1e-9) week.badTotals.push(`${label}: ${scoresText}`);
    }
    if (cleanText(row.Result?.text ?? "")) week.resultsStated = true;
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
    if (n === 1) recordResult(week, couple, cleanText(row.Result?.text ?? ""));
    // An empty row of a week still to come.
    if (!dance && !scoresText && !music.song) continue;
    // A dance named before the show, with no score yet: announced, not danced.
    const announced = !scoresText && !scores;
    const notes = announced ? ["Announced before the show; not scored yet"] : [...music.notes, ...extra];
    let round: PerformanceInput["round"] = "regular";
    if (/freestyle/i.test(dance)) round = "freestyle";
    else if (row.Judge) {
      notes.unshift(n === 1 ? `Selected and coached by ${cleanText(row.Judge.text)}` : "Instant dance");
    } else if (ctx.semifinal) round = "semifinal";
    week.performances.push(
      compact({
        round,
        status: announced ? ("announced" as const) : undefined,
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

const PLACES: Record<string, number> = {
  winner: 1,
  winners: 1,
  "runner-up": 2,
  "runners-up": 2,
  "third place": 3,
  "fourth place": 4,
  "fifth place": 5,
  "sixth place": 6,
};

/** The Result column of a couple's first row: "Safe" says nothing; the rest is an outcome or a finale placement. */
function recordResult(week: ArticleWeek, couple: string, text: string): void {
  const said = text.toLowerCase().replace(/[*'"]/g, "").trim();
  if (!said || said === "safe") return;
  const place = PLACES[said];
  if (place !== undefined) {
    week.placements.push({ couple, placement: place });
    return;
  }
  if (/^eliminated/.test(said)) week.results.push({ couple, outcome: "eliminated" });
  else if (/^withdr[ae]w/.test(said)) week.results.push({ couple, outcome: "withdrew" });
  else if (/^(bottom (two|three|2|3)|in jeopardy)/.test(said)) week.results.push({ couple, outcome: "bottom" });
  else if (/^saved/.test(said)) week.results.push({ couple, outcome: "saved" });
  else if (/^immun/.test(said)) week.results.push({ couple, outcome: "immune" });
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
  // A column headed "Prince music" or "Mariah Carey music" names the artist in its header; a song of theirs with a
  // guest says so after it: '"#Beautiful" (feat. Miguel)'.
  let byHeader = key && key !== "Music" ? (/^(.+?) music$/i.exec(cleanText(key))?.[1] ?? null) : null;
  const guest = byHeader && songs.length === 1 ? /^feat(?:uring|\.)\s+(.+)$/i.exec(notes[0] ?? "") : null;
  if (byHeader && guest?.[1]) {
    byHeader = `${byHeader} feat. ${guest[1]}`;
    notes.shift();
  }
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

/** The Episodes table's `Title` and `OriginalAirDate = {{Start date|2026|9|15}}` of each episode, in order. */
function episodeDates(text: string): { title: string; airDate: string }[] {
  const found: { title: string; airDate: string }[] = [];
  for (const block of text.split(/\{\{#invoke:Episode list/i).slice(1)) {
    const title = /\|\s*Title\s*=\s*([^\n]*)/.exec(block)?.[1];
    const date = /\|\s*OriginalAirDate\s*=\s*\{\{Start date\|(\d{4})\|(\d{1,2})\|(\d{1,2})/i.exec(block);
    if (!title || !date?.[1] || !date[2] || !date[3]) continue;
    found.push({
      title: cleanText(title.replace(/''+/g, "").replace(/<ref[\s\S]*$/, "")),
      airDate: `${date[1]}-${date[2].padStart(2, "0")}-${date[3].padStart(2, "0")}`,
    });
  }
  return found;
}

/** "Premiere: Night One" is the week headed "Premiere"; "Prince Night (Semi-Finals)" the week of that name. */
function titleMatches(title: string, theme: string): boolean {
  const a = nameKey(title);
  const b = nameKey(theme);
  return a === b || a.startsWith(`${b} `);
}

type Resolver = (celebrityLabel: string, proFirst?: string) => string | null;

/**
 * The tables name couples "Robert & Witney": the celebrity's first name (or more of it: "Sarah Jane", "Conner L."
 * when two share one) and the pro's first name.
 */
function coupleResolver(couples: ArticleCast["couples"]): Resolver {
  const words = (name: string) => nameKey(name).split(" ");
  const startsLike = (full: string, label: string) => {
    const have = words(full);
    const said = words(label);
    return said.every((w, i) => {
      const word = have[i];
      if (word === undefined) return false;
      // "Conner L." names the surname by its initial.
      return i > 0 && w.length === 1 ? word.startsWith(w) : word === w;
    });
  };
  return (celebrityLabel, proFirst) => {
    const matches = couples.filter(
      (c) => startsLike(c.celebrity, celebrityLabel) && (!proFirst || words(c.pro)[0] === nameKey(proFirst)),
    );
    return matches.length === 1 ? (matches[0]?.celebrity ?? null) : null;
  };
}

function resolveLabel(label: string, resolve: Resolver): string | null {
  const m = /^(.+?) & (\S+)$/.exec(label);
  return m?.[1] && m[2] ? resolve(m[1], m[2]) : null;
}

function numberWord(word: string | undefined): number | null {
  if (!word) return null;
  const n = NUMBERS[word.toLowerCase()] ?? Number(word);
  return Number.isFinite(n) ? n : null;
}

/** Drop keys whose value is undefined. */
function compact<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}
