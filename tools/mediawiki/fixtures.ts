/**
 * `npx tsx tools/mediawiki/fixtures.ts [--from ../shared/data]`: writes tests/fixtures/wikipedia/ from the raw Wikipedia
 * wikitext kept in ../shared/data, with the references stripped (stripRefs) so the committed fixtures stay small.
 * The only code that reads ../shared: the tests use the committed fixtures.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stripRefs } from "./revisions.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const fromFlag = process.argv.indexOf("--from");
const shared = resolve(fromFlag >= 0 ? (process.argv[fromFlag + 1] ?? "") : join(root, "../shared/data"));
const out = join(root, "tests/fixtures/wikipedia");

/** Each fixture and the raw article it is made from (see tests/fixtures/wikipedia/README.md for their origins). */
const FIXTURES: { file: string; source: string }[] = [
  { file: "season-34.wikitext", source: "wikipedia-2026/season_34.wikitext" },
  {
    file: "season-35-rev1377959004.wikitext",
    source: "season35-sources/ZacheryTaylor__dwts-draft-staging/tests/fixtures/season35-rev1377959004.wikitext",
  },
];

await mkdir(out, { recursive: true });
for (const { file, source } of FIXTURES) {
  const raw = await readFile(join(shared, source), "utf8");
  const stripped = stripRefs(raw);
  await writeFile(join(out, file), stripped);
  console.log(`${file}: ${raw.length} -> ${stripped.length} characters (from ${source})`);
}
