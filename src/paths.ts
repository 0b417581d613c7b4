import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's folder (the one with package.json), found by walking up from this file, so the same code finds
 * drizzle/ and data/ whether it runs as TypeScript from src/ or compiled from dist/src/.
 */
export const projectRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("could not find the project folder (package.json) above src/");
    dir = parent;
  }
  return dir;
})();

export const projectPath = (...parts: string[]): string => join(projectRoot, ...parts);

/** The version in package.json, as the User-Agent the season feed sends to Wikipedia says it. */
export function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(projectPath("package.json"), "utf8")) as { version?: string };
  return version ?? "0.0.0";
}
