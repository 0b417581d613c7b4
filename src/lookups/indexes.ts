import type { Database } from "../db/client.js";
import { listCoupleEntries } from "../db/queries/couples.js";
import { listStyles } from "../db/queries/dances.js";
import { listJudges, listPros, type PersonEntry } from "../db/queries/people.js";
import { foldName } from "../text/names.js";
import { CoupleNameIndex, NameIndex } from "./nameIndex.js";

export interface StyleEntry {
  /** Every spelling of the style in the season files ("Hip-Hop", "Hip-hop"). */
  spellings: string[];
  dances: number;
}

export interface LookupIndexes {
  names: CoupleNameIndex;
  pros: NameIndex<PersonEntry>;
  judges: NameIndex<PersonEntry>;
  styles: NameIndex<StyleEntry>;
}

function seasonSpan(seasons: number[]): string {
  const first = seasons[0];
  const last = seasons.at(-1);
  if (first === undefined) return "";
  if (seasons.length === 1) return `season ${first}`;
  if (seasons.length <= 3) return `seasons ${seasons.join(", ")}`;
  return `${seasons.length} seasons, ${first}-${last}`;
}

/** Spellings that fold to the same name are one style, shown as its most danced spelling. */
export function groupStyles(rows: { style: string; dances: number }[]): { name: string; item: StyleEntry }[] {
  const groups = new Map<string, { best: string; bestCount: number; item: StyleEntry }>();
  for (const r of rows) {
    const key = foldName(r.style);
    if (!key) continue;
    const g = groups.get(key) ?? { best: r.style, bestCount: 0, item: { spellings: [], dances: 0 } };
    g.item.spellings.push(r.style);
    g.item.dances += r.dances;
    if (r.dances > g.bestCount) Object.assign(g, { best: r.style, bestCount: r.dances });
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => ({ name: g.best, item: g.item }));
}

const people = (rows: PersonEntry[]) => rows.map((p) => ({ name: p.name, item: p }));

/** Builds every in-memory name index from the database, at start. */
export async function buildIndexes(db: Database): Promise<LookupIndexes> {
  const indexes: LookupIndexes = {
    names: new CoupleNameIndex(),
    pros: new NameIndex<PersonEntry>(
      "pro",
      (p) => seasonSpan(p.seasons),
      [],
      (p) => p.seasons.length,
    ),
    judges: new NameIndex<PersonEntry>(
      "judge",
      (p) => seasonSpan(p.seasons),
      [],
      (p) => p.seasons.length,
    ),
    styles: new NameIndex<StyleEntry>(
      "dance style",
      (s) => `${s.dances} dance${s.dances === 1 ? "" : "s"}`,
      [],
      (s) => s.dances,
    ),
  };
  await refreshIndexes(db, indexes);
  return indexes;
}

/** Swaps fresh contents into the live indexes after a reseed, so every handler holding them sees the new data. */
export async function refreshIndexes(db: Database, live: LookupIndexes): Promise<void> {
  const [couples, pros, judges, styles] = await Promise.all([
    listCoupleEntries(db),
    listPros(db),
    listJudges(db),
    listStyles(db),
  ]);
  live.names.replace(couples);
  live.pros.replace(people(pros));
  live.judges.replace(people(judges));
  live.styles.replace(groupStyles(styles));
}
