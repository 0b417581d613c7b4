import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { projectPath } from "../paths.js";
import { type SeasonFile, seasonFileSchema } from "./seasonFile.js";

export const defaultDataDir = projectPath("data", "seasons");

/** A season file that cannot be loaded: names the file, the place inside it and the reason. */
export class SeasonFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join("; ")}`);
  }
}

export interface LoadedSeasonFile {
  file: string;
  hash: string;
  season: SeasonFile;
}

/** Where in a season file a problem is: `weeks[3].performances[0].scores`. */
export function issuePlace(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? "(top level)"
    : path
        .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
        .join("")
        .replace(/^\./, "");
}

export function parseSeasonFile(file: string, text: string): LoadedSeasonFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeasonFileError(file, [`is not valid JSON (${(error as Error).message})`]);
  }
  const parsed = seasonFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 10).map((i) => `${issuePlace(i.path)} ${i.message}`);
    throw new SeasonFileError(file, problems);
  }
  return { file, hash: createHash("sha256").update(text).digest("hex"), season: parsed.data };
}

export async function readSeasonFiles(dir = defaultDataDir): Promise<LoadedSeasonFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  const files = await Promise.all(
    names.map(async (name) => parseSeasonFile(join(basename(dir), name), await readFile(join(dir, name), "utf8"))),
  );
  const seen = new Map<string, string>();
  for (const f of files) {
    const key = `${f.season.franchise} ${f.season.season}`;
    const other = seen.get(key);
    if (other) throw new SeasonFileError(f.file, [`season ${f.season.season} is also in ${other}`]);
    seen.set(key, f.file);
  }
  return files;
}
