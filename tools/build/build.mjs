/**
 * `npm run build` (and the first step of `npm start`): compiles src/ and tools/ to plain JavaScript in dist/, file by
 * file with esbuild (types are checked by `npm run typecheck`, not here), so production runs `node` with no TypeScript
 * loader. Plain JavaScript itself, so it needs nothing but node to run. Skips the work when dist/ is newer than every
 * source file; a full build of every file takes a few hundred milliseconds.
 */
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const outdir = join(root, "dist");
const stamp = join(outdir, ".built");
const sourceDirs = ["src", "tools"];

function sources(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sources(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) found.push(path);
  }
  return found;
}

const files = sourceDirs.flatMap((dir) => sources(join(root, dir)));
const builtAt = (() => {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return 0;
  }
})();
const force = process.argv.includes("--force");
const newest = Math.max(...files.map((f) => statSync(f).mtimeMs), statSync(join(root, "package.json")).mtimeMs);
if (!force && builtAt > newest) process.exit(0);

const started = performance.now();
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: files,
  outbase: root,
  outdir,
  bundle: false,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  logLevel: "warning",
});
mkdirSync(outdir, { recursive: true });
writeFileSync(stamp, new Date().toISOString());
const ms = Math.round(performance.now() - started);
if (!process.argv.includes("--quiet")) {
  process.stderr.write(`compiled ${files.length} files to ${relative(root, outdir)}/ in ${ms} ms\n`);
}
