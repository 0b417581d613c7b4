import { describe, expect, test } from "vitest";
import { exampleProblems, groupEntries, helpEntries } from "../../src/commands/help/entries.js";
import { examples, helpGroups, moderatorCommands } from "../../src/commands/help/index.js";
import { helpView } from "../../src/commands/help/view.js";
import { commandDefinitions, loadCommands } from "../../src/discord/loadCommands.js";
import { chartSize, renderLineChart } from "../../src/views/chart.js";
import { chunkLines, limits } from "../../src/views/limits.js";
import { clampPage, pageRow } from "../../src/views/pages.js";
import { checkMessage } from "../../tools/local-discord/limits.js";

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("help", () => {
  test("GIVEN the loaded commands WHEN help is written THEN every command and subcommand is listed with an example", async () => {
    const definitions = commandDefinitions(await loadCommands());
    const entries = helpEntries(definitions, examples);
    for (const d of definitions) expect(entries.some((e) => e.name.split(" ")[0] === d.name)).toBe(true);
    expect(entries.find((e) => e.name === "settings spoilers")).toMatchObject({
      usage: "/settings spoilers hours",
      needs: "Manage Server",
    });
  });

  test("GIVEN the commands a server is offered WHEN /help is drawn THEN one page groups them by what people do, moderators' commands in one line, /admin nowhere", async () => {
    const offered = new Map([...(await loadCommands())].filter(([, c]) => c.scope !== "admin"));
    const entries = helpEntries(commandDefinitions(offered), examples);
    const view = helpView(groupEntries(entries, helpGroups, moderatorCommands, ["help"]));
    expect(checkMessage(view)).toEqual([]);
    expect(view.components).toEqual([]);
    const embed = view.embeds[0];
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      "🌟 Show night",
      "🔎 Look-ups",
      "🏆 Leagues",
      "🔔 Reminders",
      "🛠️ For moderators",
    ]);
    const showNight = embed?.fields?.[0]?.value ?? "";
    for (const name of ["/leaderboard", "/poll mirrorball", "/poll elimination", "/predictions leaderboard"]) {
      expect(showNight).toContain(`\`${name}`);
    }
    // Nothing cut: every group's lines fit their field whole.
    for (const field of embed?.fields ?? []) expect(field.value).not.toMatch(/…and \d+ more/);
    const shown = [...JSON.stringify(embed).matchAll(/`\/([-\w]+(?: [-\w]+)?)/g)].map((m) => m[1]?.split(":")[0]);
    for (const e of entries.filter((e) => e.name !== "help")) expect(shown.join("|")).toContain(e.name);
    expect(JSON.stringify(embed)).not.toContain("/admin");
  });

  test("GIVEN a command /help has no place for WHEN /help is grouped THEN the omission is an error naming it", () => {
    const entry = { name: "encore", usage: "/encore", description: "One more dance.", example: "/encore", needs: null };
    expect(() => groupEntries([entry], [], [])).toThrow("/help has no place for /encore");
    expect(() => groupEntries([], [{ title: "x", commands: ["encore"] }], [])).toThrow("/encore");
  });

  test("GIVEN every written example WHEN checked against the definitions THEN each names real options", async () => {
    const definitions = commandDefinitions(await loadCommands());
    expect(Object.values(examples).flatMap((e) => exampleProblems(e, definitions))).toEqual([]);
  });

  test("GIVEN an example with a wrong option WHEN checked THEN the problem is named", async () => {
    const definitions = commandDefinitions(await loadCommands());
    expect(exampleProblems("/season nummer:3", definitions)).toEqual(["/season nummer:3: no option nummer"]);
  });
});

describe("pages and limits", () => {
  test("GIVEN lines longer than a field WHEN chunked THEN no chunk passes the limit and none is lost", () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Line ${i} ${"x".repeat(40)}`);
    const chunks = chunkLines(lines);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(limits.fieldValue);
    expect(chunks.join("\n").split("\n")).toEqual(lines);
  });

  test.each([
    [-3, 5, 0],
    [99, 5, 4],
    [Number.NaN, 5, 0],
  ])("GIVEN page %s of %s WHEN clamped THEN page %s is shown", (page, count, shown) => {
    expect(clampPage(page, count)).toBe(shown);
  });

  test("GIVEN one page WHEN buttons are built THEN there are none", () => {
    expect(pageRow((p) => `x:${p}`, 0, 1)).toEqual([]);
  });
});

describe("charts", () => {
  test("GIVEN weekly totals with a gap WHEN drawn THEN a PNG of the chart's size comes out", async () => {
    const png = await renderLineChart({
      title: "Hélio Castroneves & Julianne Hough — Season 5",
      labels: ["W1", "W2", "W3"],
      lines: [
        { label: "Couple", values: [24, null, 28] },
        { label: "Average", values: [20, 22, 24], dashed: true },
      ],
      yTitle: "Judges' total",
    });
    expect(png.subarray(0, 8)).toEqual(pngSignature);
    expect(pngSize(png)).toEqual(chartSize);
  });
});
