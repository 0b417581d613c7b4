import type { Database } from "../db/client.js";
import { listScoredDances } from "../db/queries/dances.js";
import { UserError } from "../errors.js";
import { seasonStore } from "../seasons/store.js";
import { foldName } from "../text/names.js";
import type { StyleEntry } from "./indexes.js";
import { byBest, type ScoredDance, toDances } from "./scores.js";
import { resolveSeason } from "./seasons.js";

export interface StyleBest {
  style: string;
  /** The folded style name: what a button carries to find the style again. */
  key: string;
  season: number | null;
  /** Best first. */
  dances: ScoredDance[];
}

async function styleBestNow(
  db: Database,
  style: { name: string; folded: string; item: StyleEntry },
  season: number | null,
): Promise<StyleBest> {
  if (season !== null) await resolveSeason(db, season);
  const spellings = new Set(style.item.spellings.map(foldName));
  const rows = await listScoredDances(db, { season, styles: style.item.spellings });
  const dances = toDances(rows)
    .filter((d) => d.style !== null && spellings.has(foldName(d.style)))
    .sort(byBest);
  if (dances.length === 0) {
    throw new UserError(
      season
        ? `No ${style.name} with judges' scores is recorded in season ${season}. Try another season, or leave the season out.`
        : `The ${style.name} was danced, but no judges' scores are recorded for it dance by dance.`,
    );
  }
  return { style: style.name, key: style.folded, season, dances };
}

/** Answered from memory after the first time (src/seasons/store.ts), per style spelling set and season. */
export function getStyleBest(
  db: Database,
  style: { name: string; folded: string; item: StyleEntry },
  season: number | null,
): Promise<StyleBest> {
  const key = `dance:${style.item.spellings.join("|")}:${season}`;
  return seasonStore(db).remember(key, () => styleBestNow(db, style, season));
}
