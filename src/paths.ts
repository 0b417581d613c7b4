import { existsSync } from "node:fs";
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
