import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { SeasonFile } from "../../src/data/seasonFile.js";
import type { McmReference } from "../../tools/data-build/reconcile.js";
import { loadSeasons } from "../../tools/data-build/report.js";

export const DATA_DIR = resolve(import.meta.dirname, "../../data");

let cache: SeasonFile[] | null = null;
export function seasons(): SeasonFile[] {
  cache ??= loadSeasons(DATA_DIR);
  return cache;
}

export function season(n: number): SeasonFile {
  const s = seasons().find((f) => f.season === n);
  if (!s) throw new Error(`season ${n} missing`);
  return s;
}

export function reference(): McmReference {
  return JSON.parse(readFileSync(join(DATA_DIR, "reference", "mcm-weekly.json"), "utf8")) as McmReference;
}
