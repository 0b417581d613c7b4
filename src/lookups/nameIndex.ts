import { distance as editDistance } from "fastest-levenshtein";
import { UserError } from "../errors.js";
import { foldName } from "../text/names.js";

export interface CoupleEntry {
  coupleId: number;
  season: number;
  celebrity: string;
  pro: string;
  placement: number | null;
}

interface Indexed extends CoupleEntry {
  foldedCelebrity: string;
  foldedPro: string;
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
 * Every couple of every season in memory, so autocomplete answers in microseconds and names match
 * whatever case or accents a fan types ("xochitl", "helio").
 */
export class CoupleNameIndex {
  private entries: Indexed[] = [];

  constructor(entries: CoupleEntry[] = []) {
    this.replace(entries);
  }

  replace(entries: CoupleEntry[]): void {
    this.entries = entries
      .map((e) => ({ ...e, foldedCelebrity: foldName(e.celebrity), foldedPro: foldName(e.pro) }))
      .sort((a, b) => b.season - a.season || (a.placement ?? 99) - (b.placement ?? 99));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Autocomplete: couples whose celebrity or pro name matches the typed text, best first, at most `limit`. */
  suggest(typed: string, limit = 25, season?: number | null): { name: string; value: string }[] {
    const query = foldName(typed.replace(choiceSuffix, "$1"));
    const pool = season ? this.entries.filter((e) => e.season === season) : this.entries;
    const scored: { rank: number; e: Indexed; viaPro: boolean }[] = [];
    for (const e of pool) {
      const c = matchRank(e.foldedCelebrity, query);
      const p = matchRank(e.foldedPro, query);
      const rank = Math.min(c, p);
      if (rank < 3) scored.push({ rank, e, viaPro: p < c });
    }
    scored.sort((a, b) => a.rank - b.rank);
    return scored.slice(0, limit).map(({ e, viaPro }) => {
      const name = viaPro ? e.pro : e.celebrity;
      const value = choiceLabel(name, e.season);
      return { name: `${e.celebrity} & ${e.pro} (season ${e.season})`.slice(0, 100), value };
    });
  }

  /** Finds the one couple a user meant, or explains, with suggestions, why it cannot. */
  resolve(typed: string, season?: number | null): CoupleMatch {
    const chosen = choiceSuffix.exec(typed);
    const name = chosen ? (chosen[1] as string) : typed;
    const wanted = season ?? (chosen ? Number(chosen[2]) : null);
    const query = foldName(name);
    if (!query) throw new UserError("Type a celebrity's or a pro's name, for example `Xochitl Gomez`.");

    let hits = this.entries.filter((e) => e.foldedCelebrity === query || e.foldedPro === query);
    if (hits.length === 0) {
      hits = this.entries.filter((e) => matchRank(e.foldedCelebrity, query) < 3 || matchRank(e.foldedPro, query) < 3);
    }
    if (hits.length === 0) {
      const close = this.nearest(query, 3);
      const hint = close.length
        ? ` Did you mean ${orList(close)}?`
        : " Start typing a celebrity's or pro's name and pick one from the list.";
      throw new UserError(`No celebrity or pro called "${name.trim().slice(0, 80)}" is in the records.${hint}`);
    }
    const people = new Set(
      hits.map((e) => (matchRank(e.foldedPro, query) < matchRank(e.foldedCelebrity, query) ? e.pro : e.celebrity)),
    );
    if (people.size > 1) {
      const names = [...people].slice(0, 5);
      throw new UserError(
        `"${name.trim().slice(0, 80)}" matches ${orList(names)}. Pick one from the list as you type.`,
      );
    }
    const inSeason = wanted ? hits.filter((e) => e.season === wanted) : hits;
    if (inSeason.length === 0) {
      const person = [...people][0];
      const seasons = [...new Set(hits.map((e) => e.season))].sort((a, b) => a - b);
      throw new UserError(`${person} was not in season ${wanted}; try season ${orList(seasons.map(String))}.`);
    }
    const entry = inSeason[0] as Indexed;
    const otherSeasons = [...new Set(hits.map((e) => e.season))]
      .filter((s) => s !== entry.season)
      .sort((a, b) => a - b);
    return { entry, otherSeasons };
  }

  private nearest(query: string, count: number): string[] {
    const names = new Map<string, string>();
    for (const e of this.entries) {
      names.set(e.foldedCelebrity, e.celebrity);
      names.set(e.foldedPro, e.pro);
    }
    return [...names]
      .map(([folded, display]) => ({ display, d: editDistance(query, folded.slice(0, query.length + 3)) }))
      .filter((x) => x.d <= Math.max(2, Math.floor(query.length / 3)))
      .sort((a, b) => a.d - b.d)
      .slice(0, count)
      .map((x) => x.display);
  }
}

/** 0: the whole name; 1: the start of the name; 2: the start of a word in it or anywhere in it; 3: no match. */
function matchRank(folded: string, query: string): number {
  if (!query) return 2;
  if (folded === query) return 0;
  if (folded.startsWith(query)) return 1;
  if (folded.includes(query)) return 2;
  return 3;
}

function orList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}
