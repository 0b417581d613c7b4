import { expect, test } from "vitest";
import { fitLines, limits, paginateFields } from "../../src/views/limits.js";

test("GIVEN too many lines WHEN fitted to a field THEN it stays within 1024 characters and says what was left out", () => {
  const value = fitLines(Array.from({ length: 40 }, (_, i) => `line ${i} ${"x".repeat(60)}`));
  expect(value.length).toBeLessThanOrEqual(limits.fieldValue);
  expect(value).toMatch(/…and \d+ more$/);
});

test("GIVEN many large fields WHEN paginated THEN every page fits 25 fields and 6000 characters", () => {
  const fields = Array.from({ length: 40 }, (_, i) => ({ name: `Couple ${i}`, value: "y".repeat(900) }));
  const pages = paginateFields(fields, 300);
  expect(pages.flat()).toHaveLength(40);
  for (const page of pages) {
    expect(page.length).toBeLessThanOrEqual(limits.fields);
    expect(page.reduce((n, f) => n + f.name.length + f.value.length, 0) + 300).toBeLessThanOrEqual(limits.embedTotal);
  }
});
