import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";

const run = promisify(execFile);

describe("the import rules (.dependency-cruiser.cjs)", () => {
  test("GIVEN src, tools, bench and tests WHEN their imports are checked THEN no cycle, no src/ import of tools/, layers one way", async () => {
    const result = await run(
      process.execPath,
      [
        "node_modules/dependency-cruiser/bin/dependency-cruise.mjs",
        "src",
        "tools",
        "bench",
        "tests",
        "--config",
        ".dependency-cruiser.cjs",
        "--output-type",
        "err",
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: error.stdout ?? "",
      stderr: error.stderr ?? "",
    }));
    expect(`${result.stdout}${result.stderr}`).toContain("no dependency violations found");
  }, 120_000);
});
