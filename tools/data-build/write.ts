/** Deterministic writing: validate with the schema (which also fixes key order), 2-space JSON, trailing newline. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { seasonFileSchema } from "../../src/data/seasonFile.js";
import type { BuildOutput } from "./build.js";
import type { SeasonInput } from "./model.js";
import { notesMarkdown } from "./notes.js";

/** Serialise a season file: throws with the schema's messages when it does not parse. */
export function seasonJson(file: SeasonInput): string {
  const parsed = seasonFileSchema.safeParse(file);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 10)
      .map((i) => `  ${i.path.join(".")}: ${i.message}`)
      .join("\n");
    throw new Error(`season ${file.season} does not parse:\n${issues}`);
  }
  return stableJson(parsed.data);
}

/** JSON with 2-space indent and a trailing newline; key order is the object's own (schema order after parsing). */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function seasonFileName(season: number): string {
  return `season-${String(season).padStart(2, "0")}.json`;
}

export function writeSeason(dataDir: string, file: SeasonInput): string {
  const dir = join(dataDir, "seasons");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, seasonFileName(file.season));
  writeFileSync(path, seasonJson(file));
  return path;
}

export function writeText(path: string, text: string): void {
  writeFileSync(path, text);
}

/** Writes every output of a build; returns the paths written. A partial build (some seasons) keeps the reference and notes. */
export function writeOutputs(dataDir: string, output: BuildOutput, opts: { partial: boolean }): string[] {
  const written = output.seasons.map((s) => writeSeason(dataDir, s));
  if (opts.partial) return written;
  const refDir = join(dataDir, "reference");
  mkdirSync(refDir, { recursive: true });
  const refPath = join(refDir, "mcm-weekly.json");
  writeFileSync(refPath, stableJson(output.reference));
  written.push(refPath);
  const notesPath = join(dataDir, "NOTES.md");
  writeFileSync(notesPath, notesMarkdown(output));
  written.push(notesPath);
  return written;
}
