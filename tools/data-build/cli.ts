/**
 * `npm run data:build -- --from ../shared/data [--out data] [--season 32,33] [--verbose]`:
 * regenerates data/seasons/*.json, data/reference/mcm-weekly.json and data/NOTES.md from the raw sources.
 */
import { resolve } from "node:path";
import { buildAll } from "./build.js";
import { writeOutputs } from "./write.js";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const from = resolve(arg("from") ?? "../shared/data");
const out = resolve(arg("out") ?? "data");
const only = arg("season")
  ?.split(",")
  .map((s) => Number(s));

const output = buildAll(from, only);
const written = writeOutputs(out, output, { partial: only !== undefined });
console.log(`wrote ${written.length} files to ${out}`);
if (process.argv.includes("--verbose")) for (const d of output.diagnostics) console.log(`  ${d}`);
else if (output.diagnostics.length) console.log(`${output.diagnostics.length} diagnostics (--verbose to list)`);
