import { distance as editDistance } from "fastest-levenshtein";
import { UserError } from "../errors.js";
import { foldName } from "../text/names.js";

export interface IndexedName<T> {
  /** How it is shown. */
  name: string;
  folded: string;
  item: T;
}

/** 0: the whole name; 1: its start; 2: the start of a word in it; 3: anywhere in it; 4: no match. */
function rank(folded: string, query: string): number {
  if (!query) return 2;
  if (folded === query) return 0;
  if (folded.startsWith(query)) return 1;
  if (folded.includes(` ${query}`)) return 2;
  if (folded.includes(query)) return 3;
  return 4;
}

function orList(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

/**
 * Names in memory (pros, judges, dance styles), matched whatever case or accents a fan types, so autocomplete
 * answers in microseconds. `what` names the kind in sentences ("pro", "judge", "dance style").
 */
export class NameIndex<T> {
  private entries: IndexedName<T>[] = [];

  constructor(
    readonly what: string,
    private readonly describe: (item: T) => string,
    entries: { name: string; item: T }[] = [],
    /** Order when equally good matches: most seasons or dances first. */
    private readonly weight: (item: T) => number = () => 0,
  ) {
    this.replace(entries);
  }

  replace(entries: { name: string; item: T }[]): void {
    this.entries = entries
      .map((e) => ({ ...e, folded: foldName(e.name) }))
      .sort((a, b) => this.weight(b.item) - this.weight(a.item) || a.name.localeCompare(b.name));
  }

  get size(): number {
    return this.entries.length;
  }

  all(): readonly IndexedName<T>[] {
    return this.entries;
  }

  /** Autocomplete: the best matches first, labelled with what tells them apart. */
  suggest(typed: string, limit = 25): { name: string; value: string }[] {
    const query = foldName(typed);
    const hits: { r: number; e: IndexedName<T> }[] = [];
    for (const e of this.entries) {
      const r = rank(e.folded, query);
      if (r < 4) hits.push({ r, e });
    }
    hits.sort((a, b) => a.r - b.r);
    return hits.slice(0, limit).map(({ e }) => ({
      name: `${e.name}${this.describe(e.item) ? ` — ${this.describe(e.item)}` : ""}`.slice(0, 100),
      value: e.name.slice(0, 100),
    }));
  }

  /** The one entry a user meant, or a sentence with suggestions. */
  resolve(typed: string): IndexedName<T> {
    const query = foldName(typed);
    if (!query) throw new UserError(`Type a ${this.what}'s name and pick one from the list.`);
    const exact = this.entries.find((e) => e.folded === query);
    if (exact) return exact;
    const hits = this.entries.filter((e) => rank(e.folded, query) < 4);
    const [only] = hits;
    if (hits.length === 1 && only) return only;
    const shown = typed.trim().slice(0, 80);
    if (hits.length > 1) {
      throw new UserError(
        `"${shown}" matches ${orList(hits.slice(0, 5).map((h) => h.name))}. Pick one from the list as you type.`,
      );
    }
    const close = this.entries
      .map((e) => ({ e, d: editDistance(query, e.folded.slice(0, query.length + 2)) }))
      .filter((x) => x.d <= Math.max(2, Math.floor(query.length / 3)))
      .sort((a, b) => a.d - b.d)
      .slice(0, 3)
      .map((x) => x.e.name);
    const hint = close.length ? ` Did you mean ${orList(close)}?` : " Pick one from the list as you type.";
    throw new UserError(`No ${this.what} called "${shown}" is in the records.${hint}`);
  }

  /** The entry whose folded name is exactly `folded` (from a button's custom_id), if it still exists. */
  byFolded(folded: string): IndexedName<T> | undefined {
    return this.entries.find((e) => e.folded === folded);
  }
}
