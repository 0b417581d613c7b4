/** Where the raw sources live under the `--from` folder. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface SourcePaths {
  root: string;
  wikipedia: (season: number) => string;
  wikipediaIndex: string;
  mcm: string;
  episodes: (season: number) => string;
  compiled: (season: number) => string;
  compiledWeeks31: string;
  wikitext34: string;
}

export function sourcePaths(root: string): SourcePaths {
  return {
    root,
    wikipedia: (s) => join(root, "wikipedia-2022-10-31", `season_${String(s).padStart(2, "0")}.html`),
    wikipediaIndex: join(root, "wikipedia-2022-10-31", "index.json"),
    mcm: join(root, "mcm", "2026_MCM_Problem_C_Data.csv"),
    episodes: (s) => join(root, "episodes", `ratings_${s}.csv`),
    compiled: (s) => join(root, "compiled", `season${s}.json`),
    compiledWeeks31: join(root, "compiled", "season31_weeks7-10.json"),
    wikitext34: join(root, "wikipedia-2026", "season_34.wikitext"),
  };
}

export function readIfExists(path: string): string | null {
  return existsSync(path) ? readFileSync(path, "utf8") : null;
}
