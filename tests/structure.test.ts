import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";

const run = promisify(execFile);
const root = process.cwd();
const cruiser = join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const config = join(root, ".dependency-cruiser.cjs");

/** Runs dependency-cruiser in `cwd` with the project's rules; the output whether or not it found violations. */
async function cruise(cwd: string, paths: string[], outputType: "err" | "json"): Promise<string> {
  const result = await run(process.execPath, [cruiser, ...paths, "--config", config, "--output-type", outputType], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string }) => ({
    stdout: error.stdout ?? "",
    stderr: error.stderr ?? "",
  }));
  return `${result.stdout}${result.stderr}`;
}

/** A node of the folder graph: the top folder under src/ ("polls/"), or a file at src/'s root ("bot.ts"). */
const nodeOf = (path: string) => /^src\/([^/]+\/|[^/]+$)/.exec(path)?.[1];

/** Every edge between two nodes of src/, type imports included, with one import that makes it. */
function folderEdges(modules: { source: string; dependencies: { resolved: string }[] }[]): Map<string, string> {
  const edges = new Map<string, string>();
  for (const m of modules) {
    const from = nodeOf(m.source);
    for (const d of m.dependencies) {
      const to = nodeOf(d.resolved);
      if (from && to && from !== to && !edges.has(`${from} ${to}`))
        edges.set(`${from} ${to}`, `${m.source} -> ${d.resolved}`);
    }
  }
  return edges;
}

/** The cycles of the folder graph, each as its nodes in order with the import behind each step. */
function folderCycles(edges: Map<string, string>): string[] {
  const next = new Map<string, string[]>();
  for (const key of edges.keys()) {
    const [from, to] = key.split(" ") as [string, string];
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const cycles: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string) => {
    path.push(node);
    for (const to of next.get(node) ?? []) {
      const at = path.indexOf(to);
      if (at >= 0) {
        const loop = [...path.slice(at), to];
        cycles.push(loop.map((n, i) => (i === 0 ? n : `(${edges.get(`${loop[i - 1]} ${n}`)}) ${n}`)).join(" "));
      } else if (!done.has(to)) visit(to);
    }
    path.pop();
    done.add(node);
  };
  for (const node of next.keys()) if (!done.has(node)) visit(node);
  return cycles;
}

async function srcFolderCycles(cwd: string): Promise<string[]> {
  const json = JSON.parse(await cruise(cwd, ["src"], "json")) as {
    modules: { source: string; dependencies: { resolved: string }[] }[];
  };
  return folderCycles(folderEdges(json.modules));
}

describe("the import rules (.dependency-cruiser.cjs)", () => {
  test("GIVEN src, tools, bench and tests WHEN their imports are checked THEN no cycle, no src/ import of tools/, layers one way", async () => {
    expect(await cruise(root, ["src", "tools", "bench", "tests"], "err")).toContain("no dependency violations found");
  }, 120_000);

  test("GIVEN src/ WHEN its top folders (and root files) are a graph, type imports included THEN it has no cycle", async () => {
    expect(await srcFolderCycles(root)).toEqual([]);
  }, 120_000);
});

/**
 * One planted violation per rule, in a scratch tree shaped like src/: each must be reported under its rule's name,
 * so a rule that stopped matching (a renamed folder, a broken pattern) fails here instead of passing silently.
 */
describe("each import rule catches its violation", () => {
  const scratch = mkdtemp(join(tmpdir(), "mirrorball-structure-"));
  afterAll(async () => rm(await scratch, { recursive: true, force: true }));

  async function plant(files: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(await scratch, "tree-"));
    await writeFile(
      join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } }),
    );
    // The real packages, so an import of discord.js resolves to node_modules as in the project.
    await symlink(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    return dir;
  }

  const importing = (spec: string, type = false) =>
    `import ${type ? "type " : ""}{ x } from "${spec}";\nexport const y = ${type ? "1" : "x"};\n`;
  const exporting = "export const x = 1;\n";

  test.each([
    ["commands-point-down", { "src/commands/poll/vote.ts": importing("../../bot.js"), "src/bot.ts": exporting }],
    [
      "discord-below-commands",
      { "src/discord/respond.ts": importing("../commands/poll/view.js"), "src/commands/poll/view.ts": exporting },
    ],
    [
      "feature-views-draw-only",
      { "src/commands/poll/view.ts": importing("./vote.js"), "src/commands/poll/vote.ts": exporting },
    ],
    [
      "views-below-discord",
      { "src/views/format.ts": importing("../commands/poll/ids.js"), "src/commands/poll/ids.ts": exporting },
    ],
    [
      "domain-below-views",
      { "src/polls/service.ts": importing("../views/view.js", true), "src/views/view.ts": exporting },
    ],
    [
      "domain-has-no-discord",
      { "src/polls/service.ts": 'import { Client } from "discord.js";\nexport const c = Client;\n' },
    ],
    [
      "context-holds-the-domain",
      { "src/context.ts": importing("./discord/command.js", true), "src/discord/command.ts": exporting },
    ],
    [
      "db-imports-nothing-above",
      { "src/db/seed.ts": importing("../seasons/store.js"), "src/seasons/store.ts": exporting },
    ],
    ["data-is-the-bottom", { "src/data/seed.ts": importing("../db/client.js"), "src/db/client.ts": exporting }],
    ["foundation-imports-nothing", { "src/logger.ts": importing("./db/client.js"), "src/db/client.ts": exporting }],
    ["src-imports-no-tools", { "src/bot.ts": importing("../tools/console/cli.js"), "tools/console/cli.ts": exporting }],
    [
      "no-cycles",
      {
        "tools/data-build/wikiSeason.ts": importing("./wikiWeek.js"),
        "tools/data-build/wikiWeek.ts": importing("./wikiSeason.js", true),
      },
    ],
  ] as [string, Record<string, string>][])(
    "GIVEN a planted import against %s WHEN checked THEN that rule reports it",
    async (rule, files) => {
      const dir = await plant(files);
      const roots = [...new Set(Object.keys(files).map((f) => f.split("/")[0] as string))];
      expect(await cruise(dir, roots, "err")).toContain(`error ${rule}:`);
    },
    60_000,
  );

  test("GIVEN domain code importing a view and a view importing the domain WHEN the folders are a graph THEN the circle is found", async () => {
    const dir = await plant({
      "src/polls/service.ts": importing("../views/poll.js", true),
      "src/views/poll.ts": importing("../polls/tally.js"),
      "src/polls/tally.ts": exporting,
    });
    const cycles = await srcFolderCycles(dir);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toMatch(/^(polls\/|views\/) .* (polls\/|views\/) .* (polls\/|views\/)$/);
  }, 60_000);
});
