import { describe, expect, test } from "vitest";
import type { ScoredDanceRow } from "../../src/db/queries/dances.js";
import { UserError } from "../../src/errors.js";
import { groupStyles } from "../../src/lookups/indexes.js";
import { tallyMarks } from "../../src/lookups/judge.js";
import { NameIndex } from "../../src/lookups/nameIndex.js";
import { computeRecords } from "../../src/lookups/records.js";
import { byBest, tallyCouples, toDances } from "../../src/lookups/scores.js";
import { castOrder, trophyName } from "../../src/lookups/season.js";
import { airInstant, spoilerUntil } from "../../src/lookups/spoilers.js";

let nextId = 1;
function row(over: Partial<ScoredDanceRow>): ScoredDanceRow {
  return {
    performanceId: nextId++,
    season: 32,
    week: 1,
    label: "",
    round: "regular",
    style: "Tango",
    song: null,
    artist: null,
    coupleId: 1,
    celebrity: "Xochitl Gomez",
    pro: "Val Chmerkovskiy",
    proId: 10,
    dancers: 1,
    total: 24,
    judges: 3,
    lowest: 8,
    ...over,
  };
}

describe("scored dances", () => {
  test("GIVEN a 40/40 and a 30/30 WHEN ranked THEN both are perfect and the bigger panel comes first", () => {
    const dances = toDances([row({ total: 30, lowest: 10 }), row({ total: 40, judges: 4, lowest: 10 })]).sort(byBest);
    expect(dances.map((d) => [d.total, d.perfect])).toEqual([
      [40, true],
      [30, true],
    ]);
  });

  test("GIVEN a team dance's rows for two couples WHEN folded THEN it is one dance with both couples", () => {
    const [dance, ...rest] = toDances([
      row({ performanceId: 500, coupleId: 1, dancers: 2 }),
      row({ performanceId: 500, coupleId: 2, celebrity: "Charity Lawson", pro: "Artem Chigvintsev", dancers: 2 }),
    ]);
    expect(rest).toHaveLength(0);
    expect(dance?.couples.map((c) => c.celebrity)).toEqual(["Charity Lawson", "Xochitl Gomez"]);
  });

  test("GIVEN a lone judge's 10 WHEN tallied THEN it is not a perfect score", () => {
    expect(tallyCouples([row({ total: 10, judges: 1, lowest: 10 })])[0]?.perfect).toBe(0);
  });

  test("GIVEN a season's dances WHEN records are drawn THEN team dances stay out of highest and lowest", () => {
    const records = computeRecords(
      [
        row({ performanceId: 900, total: 30, lowest: 10, coupleId: 1 }),
        row({ performanceId: 900, total: 30, lowest: 10, coupleId: 2, celebrity: "Jason Mraz" }),
        row({ total: 27, lowest: 9 }),
        row({ total: 12, lowest: 3, coupleId: 3, celebrity: "Matt Walsh" }),
      ],
      32,
    );
    expect(records.highest.map((d) => d.total)).toEqual([27, 12]);
    expect(records.lowest[0]?.total).toBe(12);
    expect(records.mostPerfect.map((c) => c.celebrity).sort()).toEqual(["Jason Mraz", "Xochitl Gomez"]);
    expect(records.bestAverages.map((c) => c.dances >= records.minDances)).not.toContain(false);
  });
});

describe("judges against the panel", () => {
  test("GIVEN marks above the others' mean WHEN tallied THEN the gap, the tens and the panel's mean show", () => {
    const tally = tallyMarks([
      { season: 1, week: 1, score: 10, othersTotal: 16, othersCount: 2 },
      { season: 1, week: 1, score: 6, othersTotal: 12, othersCount: 2 },
    ]);
    expect(tally).toEqual({ marks: 2, average: 8, tens: 1, versusPanel: 1, panelAverage: 7 });
  });

  test("GIVEN a judge who scored alone WHEN tallied THEN no comparison is claimed", () => {
    expect(tallyMarks([{ season: 1, week: 1, score: 7, othersTotal: 0, othersCount: 0 }]).versusPanel).toBeNull();
  });
});

describe("seasons", () => {
  test.each([
    [31, null, "Mirrorball Trophy"],
    [32, null, "Len Goodman Mirrorball Trophy"],
    [34, "Len Goodman Mirrorball Trophy", "Len Goodman Mirrorball Trophy"],
  ])("GIVEN season %i with trophy %s recorded WHEN named THEN it is the %s", (season, recorded, name) => {
    expect(trophyName(season, recorded)).toBe(name);
  });

  test("GIVEN a cast with a missing placement WHEN ordered THEN winner first and unplaced last", () => {
    const base = { id: 0, pro: "P", notability: null, result: "", withdrew: false };
    const cast = [
      { ...base, celebrity: "B", placement: null, exitWeek: null },
      { ...base, celebrity: "A", placement: 2, exitWeek: null },
      { ...base, celebrity: "C", placement: 1, exitWeek: null },
    ].sort(castOrder);
    expect(cast.map((c) => c.celebrity)).toEqual(["C", "A", "B"]);
  });
});

describe("spoiler guard", () => {
  test("GIVEN an autumn date in daylight time WHEN aired THEN it is 8 pm Eastern, midnight UTC", () => {
    expect(airInstant("2023-10-31").toISOString()).toBe("2023-11-01T00:00:00.000Z");
  });

  test("GIVEN a date after the clocks change WHEN aired THEN it is 8 pm Eastern, 1 am UTC", () => {
    expect(airInstant("2023-12-05").toISOString()).toBe("2023-12-06T01:00:00.000Z");
  });

  const week = { airDate: "2023-12-05", isNewest: true };
  test.each([
    ["the guard is off", { ...week }, 0, "2023-12-06T02:00:00Z", null],
    ["inside the window", { ...week }, 12, "2023-12-06T02:00:00Z", "2023-12-06T13:00:00.000Z"],
    ["after the window", { ...week }, 12, "2023-12-06T14:00:00Z", null],
    ["an older week", { ...week, isNewest: false }, 12, "2023-12-06T02:00:00Z", null],
    ["a week with no date", { airDate: null, isNewest: true }, 12, "2023-12-06T02:00:00Z", null],
  ])("GIVEN %s WHEN checked THEN hidden until %s", (_, w, hours, now, until) => {
    expect(spoilerUntil(w, hours, new Date(now))?.toISOString() ?? null).toBe(until);
  });
});

describe("name indexes", () => {
  const judges = new NameIndex(
    "judge",
    (seasons: number[]) => `${seasons.length} seasons`,
    [
      { name: "Carrie Ann Inaba", item: [1, 2, 3] },
      { name: "Bruno Tonioli", item: [1, 2] },
      { name: "Derek Hough", item: [29] },
    ],
    (s) => s.length,
  );

  test("GIVEN a word inside a name WHEN suggested THEN the judge is offered within Discord's limits", () => {
    const choices = judges.suggest("inaba");
    expect(choices).toEqual([{ name: "Carrie Ann Inaba — 3 seasons", value: "Carrie Ann Inaba" }]);
  });

  test("GIVEN nothing typed WHEN suggested THEN the most frequent come first", () => {
    expect(judges.suggest("").map((c) => c.value)).toEqual(["Carrie Ann Inaba", "Bruno Tonioli", "Derek Hough"]);
  });

  test("GIVEN a misspelt name WHEN resolved THEN the sentence suggests the right one", () => {
    expect(() => judges.resolve("Brno Tonioli")).toThrow(UserError);
    expect(() => judges.resolve("Brno Tonioli")).toThrow(
      'No judge called "Brno Tonioli" is in the records. Did you mean Bruno Tonioli?',
    );
  });

  test("GIVEN two spellings of a style WHEN grouped THEN they are one style under the commoner spelling", () => {
    expect(
      groupStyles([
        { style: "Hip-hop", dances: 1 },
        { style: "Hip-Hop", dances: 3 },
      ]),
    ).toEqual([{ name: "Hip-Hop", item: { spellings: ["Hip-hop", "Hip-Hop"], dances: 4 } }]);
  });
});
