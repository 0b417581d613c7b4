import { describe, expect, test } from "vitest";
import { CoupleNameIndex } from "../../src/lookups/nameIndex.js";
import { describeRange } from "../../src/lookups/ranges.js";
import { foldName } from "../../src/text/names.js";

const index = new CoupleNameIndex([
  { coupleId: 1, season: 32, celebrity: "Xochitl Gomez", pro: "Val Chmerkovskiy", placement: 1 },
  { coupleId: 2, season: 27, celebrity: "Hélio Castroneves", pro: "Julianne Hough", placement: 1 },
  { coupleId: 3, season: 13, celebrity: "J.R. Martinez", pro: "Karina Smirnoff", placement: 1 },
  { coupleId: 4, season: 16, celebrity: "Zendaya", pro: "Val Chmerkovskiy", placement: 2 },
  { coupleId: 5, season: 32, celebrity: "Jason Mraz", pro: "Daniella Karagach", placement: 2 },
]);

describe("foldName", () => {
  test.each([
    ["Hélio Castroneves", "helio castroneves"],
    ["  XOCHITL   Gómez ", "xochitl gomez"],
    ["J.R. Martinez", "j r martinez"],
  ])("folds %s to %s", (input, folded) => expect(foldName(input)).toBe(folded));
});

describe("CoupleNameIndex", () => {
  test("GIVEN lower case without accents WHEN resolving THEN the person is found", () => {
    expect(index.resolve("helio").entry.coupleId).toBe(2);
    expect(index.resolve("xochitl").entry.coupleId).toBe(1);
  });

  test("GIVEN a pro with several seasons WHEN no season is given THEN the latest is chosen and the others listed", () => {
    const match = index.resolve("Val Chmerkovskiy");
    expect(match.entry.season).toBe(32);
    expect(match.otherSeasons).toEqual([16]);
    expect(index.resolve("val chmerkovskiy", 16).entry.celebrity).toBe("Zendaya");
  });

  test("GIVEN an autocomplete choice WHEN resolved THEN its season is honoured", () => {
    const [choice] = index.suggest("zend");
    expect(choice).toEqual({ name: "Zendaya & Val Chmerkovskiy (season 16)", value: "Zendaya (season 16)" });
    expect(index.resolve(choice?.value ?? "").entry.coupleId).toBe(4);
  });

  test("GIVEN suggestions asked before WHEN the couples change THEN the same letters offer the new couples", () => {
    const live = new CoupleNameIndex([
      { coupleId: 1, season: 32, celebrity: "Xochitl Gomez", pro: "Val Chmerkovskiy", placement: 1 },
    ]);
    expect(live.suggest("val").map((c) => c.value)).toEqual(["Val Chmerkovskiy (season 32)"]);
    expect(live.suggest("val", 25, 16)).toEqual([]);
    live.replace([
      { coupleId: 1, season: 32, celebrity: "Xochitl Gomez", pro: "Val Chmerkovskiy", placement: 1 },
      { coupleId: 4, season: 16, celebrity: "Zendaya", pro: "Val Chmerkovskiy", placement: 2 },
    ]);
    expect(live.suggest("val").map((c) => c.value)).toEqual([
      "Val Chmerkovskiy (season 32)",
      "Val Chmerkovskiy (season 16)",
    ]);
    expect(live.suggest("val", 25, 16).map((c) => c.value)).toEqual(["Val Chmerkovskiy (season 16)"]);
  });

  test("GIVEN a full name typed in another case WHEN resolving THEN it is the exact couple, not a partial match", () => {
    expect(index.resolve("JASON MRAZ").entry.coupleId).toBe(5);
    expect(index.resolve("j.r. MARTÍNEZ").entry.coupleId).toBe(3);
  });

  test("GIVEN a typo WHEN resolving THEN the error suggests the nearest names", () => {
    expect(() => index.resolve("Xochitel Gomez")).toThrow(/Did you mean Xochitl Gomez/);
  });

  test("GIVEN a name matching two people WHEN resolving THEN the error names both", () => {
    expect(() => index.resolve("ez")).toThrow(/Xochitl Gomez.*J.R. Martinez|J.R. Martinez.*Xochitl Gomez/);
  });

  test("GIVEN a season the person was not in WHEN resolving THEN the error says which seasons to try", () => {
    expect(() => index.resolve("Zendaya", 20)).toThrow("Zendaya was not in season 20; try season 16.");
  });

  test("autocomplete never offers more than 25 choices, each within 100 characters", () => {
    const many = new CoupleNameIndex(
      Array.from({ length: 60 }, (_, i) => ({
        coupleId: i,
        season: 1 + (i % 34),
        celebrity: `Star ${i} ${"x".repeat(90)}`,
        pro: "Pro",
        placement: null,
      })),
    );
    const choices = many.suggest("star");
    expect(choices).toHaveLength(25);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
  });
});

test("describeRange compresses runs of numbers", () => {
  expect(describeRange([1, 2, 3, 5, 7, 8, 9])).toBe("1-3, 5, 7-9");
  expect(describeRange([])).toBe("none");
});
