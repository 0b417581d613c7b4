import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { buildAll } from "../../tools/data-build/build.js";
import { writeOutputs } from "../../tools/data-build/write.js";

const root = resolve(import.meta.dirname, "../..");
const sources = resolve(root, "../shared/data");
const hasSources = (() => {
  try {
    return readdirSync(join(sources, "mcm")).length > 0;
  } catch {
    return false;
  }
})();

describe.skipIf(!hasSources)("importer end to end (needs ../shared/data)", () => {
  it("rebuilds data/ byte for byte", () => {
    const out = mkdtempSync(join(tmpdir(), "mirrorball-data-"));
    try {
      writeOutputs(out, buildAll(sources), { partial: false });
      const files = [
        ...readdirSync(join(out, "seasons")).map((f) => `seasons/${f}`),
        ...readdirSync(join(out, "reference")).map((f) => `reference/${f}`),
        "NOTES.md",
      ].sort();
      expect(files).toContain("seasons/season-32.json");
      for (const f of files)
        expect(readFileSync(join(out, f), "utf8"), f).toBe(readFileSync(join(root, "data", f), "utf8"));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
