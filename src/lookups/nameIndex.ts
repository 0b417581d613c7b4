import { distance as editDistance } from "fastest-levenshtein";
import type { CoupleEntry } from "../db/queries/couples.js";
import { UserError } from "../errors.js";
import { foldName } from "../text/names.js";

export type { CoupleEntry };

/** 0: the whole name; 1: its start; 2: the start of a word in it; 3: anywhere in it; 4: no match. */
export function matchRank(folded: string, query: string): number {
  if (!query) return 2;
  if (folded === query) return 0;
  if (folded.startsWith(query)) return 1;
  if (folded.includes(` ${query}`)) return 2;
  if (folded.includes(query)) return 3;
  return 4;
}

const noMatch = 4;

/**
 * Autocomplete answers by what was typed, until the names change: a show night's members type the same few letters
 * ("xo", "val") thousands of times. Bounded; a full memo starts over.
 */
class SuggestionMemo {
  private readonly answers = new Map<string, { name: string; value: string }[]>();

  get(key: string, compute: () => { name: string; value: string }[]): { name: string; value: string }[] {
    const known = this.answers.get(key);
    if (known) return known;
    const answer = compute();
    if (this.answers.size >= 5_000) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }

  clear(): void {
    this.answers.clear();
  }
}

export function orList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/** How far a typed name is from a known one, forgiving a longer name's ending ("xochit" is close to "xochitl gomez"). */
function closeness(query: string, folded: string): number {
  return editDistance(query, folded.slice(0, query.length + 2));
}

export interface IndexedName<T> {
  /** How it is shown: the entry's first name. */
  name: string;
  folded: string;
  item: T;
}

interface Indexed<T> extends IndexedName<T> {
  /** Every name the entry answers to (a couple: the celebrity and the pro), folded alike. */
  names: { display: string; folded: string }[];
}

export interface NameHit<T> {
  entry: IndexedName<T>;
  /** The name that matched best, as shown. */
  matched: string;
  /** Whether it was one of the entry's other names (a couple found through its pro). */
  viaOtherName: boolean;
  rank: number;
}

/**
 * The one name index: names in memory (couples, pros, judges, dance styles), matched whatever case or accents a fan
 * types ("xochitl", "helio"), so autocomplete answers in microseconds; ranking and "did you mean" live here once.
 * `what` names the kind in sentences ("pro", "judge", "dance style").
 */
export class NameIndex<T> {
  private entries: Indexed<T>[] = [];
  /** Entries by their first name, folded (the first entry when two share it). */
  private byFirstName = new Map<string, Indexed<T>>();
  /** For each folded name, the entries that answer to exactly it, in the index's order: a lookup by a full name is
   * one map read, not a scan of every couple (what a member picked from autocomplete always is). */
  private exactHits = new Map<string, NameHit<T>[]>();
  private readonly suggestions = new SuggestionMemo();

  constructor(
    readonly what: string,
    private readonly describe: (item: T) => string,
    entries: { name: string; item: T; otherNames?: string[] }[] = [],
    /** Order when equally good matches: most seasons or dances first (higher weight first). */
    private readonly weight: (item: T) => number = () => 0,
  ) {
    this.replace(entries);
  }

  replace(entries: { name: string; item: T; otherNames?: string[] }[]): void {
    this.entries = entries
      .map((e) => {
        const names = [e.name, ...(e.otherNames ?? [])].map((display) => ({ display, folded: foldName(display) }));
        return { name: e.name, folded: names[0]?.folded ?? "", item: e.item, names };
      })
      .sort((a, b) => this.weight(b.item) - this.weight(a.item) || a.name.localeCompare(b.name));
    this.byFirstName = new Map();
    this.exactHits = new Map();
    this.suggestions.clear();
    for (const entry of this.entries) {
      if (!this.byFirstName.has(entry.folded)) this.byFirstName.set(entry.folded, entry);
      const seen = new Set<string>();
      entry.names.forEach((n, i) => {
        if (seen.has(n.folded)) return;
        seen.add(n.folded);
        const hits = this.exactHits.get(n.folded) ?? [];
        hits.push({ entry, matched: n.display, viaOtherName: i > 0, rank: 0 });
        this.exactHits.set(n.folded, hits);
      });
    }
  }

  get size(): number {
    return this.entries.length;
  }

  all(): readonly IndexedName<T>[] {
    return this.entries;
  }

  /** The entries one of whose names is exactly the typed one (whatever case or accents), in the index's order. */
  exact(typed: string): readonly NameHit<T>[] {
    return this.exactHits.get(foldName(typed)) ?? [];
  }

  /** Every entry one of whose names matches, best rank first (ties keep the index's order). */
  search(typed: string, filter?: (item: T) => boolean): NameHit<T>[] {
    const query = foldName(typed);
    const hits: NameHit<T>[] = [];
    for (const entry of this.entries) {
      if (filter && !filter(entry.item)) continue;
      let best: NameHit<T> | undefined;
      entry.names.forEach((n, i) => {
        const rank = matchRank(n.folded, query);
        if (rank < noMatch && (!best || rank < best.rank)) {
          best = { entry, matched: n.display, viaOtherName: i > 0, rank };
        }
      });
      if (best) hits.push(best);
    }
    return hits.sort((a, b) => a.rank - b.rank);
  }

  /** Known names close to a misspelt one, for "did you mean". */
  nearest(typed: string, count = 3): string[] {
    const query = foldName(typed);
    const names = new Map<string, string>();
    for (const e of this.entries) for (const n of e.names) names.set(n.folded, n.display);
    return [...names]
      .map(([folded, display]) => ({ display, d: closeness(query, folded) }))
      .filter((x) => x.d <= Math.max(2, Math.floor(query.length / 3)))
      .sort((a, b) => a.d - b.d)
      .slice(0, count)
      .map((x) => x.display);
  }

  /** Autocomplete: the best matches first, labelled with what tells them apart. */
  suggest(typed: string, limit = 25): { name: string; value: string }[] {
    return this.suggestions.get(`${limit}:${typed}`, () =>
      this.search(typed)
        .slice(0, limit)
        .map(({ entry }) => {
          const described = this.describe(entry.item);
          return {
            name: `${entry.name}${described ? ` — ${described}` : ""}`.slice(0, 100),
            value: entry.name.slice(0, 100),
          };
        }),
    );
  }

  /** The one entry a user meant, or a sentence with suggestions. */
  resolve(typed: string): IndexedName<T> {
    const query = foldName(typed);
    if (!query) throw new UserError(`Type a ${this.what}'s name and pick one from the list.`);
    const exact = this.byFirstName.get(query);
    if (exact) return exact;
    const hits = this.search(typed);
    const [only] = hits;
    if (hits.length === 1 && only) return only.entry;
    const shown = typed.trim().slice(0, 80);
    if (hits.length > 1) {
      throw new UserError(
        `"${shown}" matches ${orList(hits.slice(0, 5).map((h) => h.entry.name))}. Pick one from the list as you type.`,
      );
    }
    const close = this.nearest(typed);
    const hint = close.length ? ` Did you mean ${orList(close)}?` : " Pick one from the list as you type.";
    throw new UserError(`No ${this.what} called "${shown}" is in the records.${hint}`);
  }

  /** The entry whose folded name is exactly `folded` (from a button's custom_id), if it still exists. */
  byFolded(folded: string): IndexedName<T> | undefined {
    return this.byFirstName.get(folded);
  }
}

export interface CoupleMatch {
  entry: CoupleEntry;
  /** The person the user named (celebrity or pro) had other seasons too. */
  otherSeasons: number[];
}

/** How a choice is written so that picking it from autocomplete names exactly one couple. */
export function choiceLabel(name: string, season: number): string {
  return `${name} (season ${season})`;
}

const choiceSuffix = /^(.*?)\s*\(season (\d+)\)\s*$/i;

/**
 * Every couple of every season, found by the celebrity's or the pro's name: a NameIndex whose entries answer to two
 * names, newest season first, with the season a choice carries.
 */
export class CoupleNameIndex {
  private index = new NameIndex<CoupleEntry>("celebrity or pro", () => "");
  private readonly suggestions = new SuggestionMemo();

  constructor(entries: CoupleEntry[] = []) {
    this.replace(entries);
  }

  replace(entries: CoupleEntry[]): void {
    const ordered = [...entries].sort((a, b) => b.season - a.season || (a.placement ?? 99) - (b.placement ?? 99));
    // The weight keeps that order: the newest season and the best placement first.
    const weight = new Map(ordered.map((e, i) => [e, -i]));
    this.index = new NameIndex<CoupleEntry>(
      "celebrity or pro",
      () => "",
      ordered.map((e) => ({ name: e.celebrity, otherNames: [e.pro], item: e })),
      (e) => weight.get(e) ?? 0,
    );
    this.suggestions.clear();
  }

  get size(): number {
    return this.index.size;
  }

  /** Autocomplete: couples whose celebrity or pro name matches the typed text, best first, at most `limit`. */
  suggest(typed: string, limit = 25, season?: number | null): { name: string; value: string }[] {
    return this.suggestions.get(`${limit}:${season ?? ""}:${typed}`, () => {
      const within = season ? (e: CoupleEntry) => e.season === season : undefined;
      const hits = this.index.search(typed.replace(choiceSuffix, "$1"), within);
      return hits.slice(0, limit).map(({ entry: { item: e }, viaOtherName }) => ({
        name: `${e.celebrity} & ${e.pro} (season ${e.season})`.slice(0, 100),
        value: choiceLabel(viaOtherName ? e.pro : e.celebrity, e.season),
      }));
    });
  }

  /** Finds the one couple a user meant, or explains, with suggestions, why it cannot. */
  resolve(typed: string, season?: number | null): CoupleMatch {
    const chosen = choiceSuffix.exec(typed);
    const name = chosen ? (chosen[1] as string) : typed;
    const wanted = season ?? (chosen ? Number(chosen[2]) : null);
    if (!foldName(name)) throw new UserError("Type a celebrity's or a pro's name, for example `Xochitl Gomez`.");

    const exact = this.index.exact(name);
    const hits = exact.length > 0 ? exact : this.index.search(name);
    if (hits.length === 0) {
      const close = this.index.nearest(name);
      const hint = close.length
        ? ` Did you mean ${orList(close)}?`
        : " Start typing a celebrity's or pro's name and pick one from the list.";
      throw new UserError(`No celebrity or pro called "${name.trim().slice(0, 80)}" is in the records.${hint}`);
    }
    const people = new Set(hits.map((h) => h.matched));
    if (people.size > 1) {
      throw new UserError(
        `"${name.trim().slice(0, 80)}" matches ${orList([...people].slice(0, 5))}. Pick one from the list as you type.`,
      );
    }
    const seasons = [...new Set(hits.map((h) => h.entry.item.season))].sort((a, b) => a - b);
    const inSeason = wanted ? hits.filter((h) => h.entry.item.season === wanted) : hits;
    const first = inSeason[0];
    if (!first) {
      throw new UserError(`${[...people][0]} was not in season ${wanted}; try season ${orList(seasons.map(String))}.`);
    }
    const entry = first.entry.item;
    return { entry, otherSeasons: seasons.filter((s) => s !== entry.season) };
  }
}
