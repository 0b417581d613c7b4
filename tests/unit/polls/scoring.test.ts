import { describe, expect, test } from "vitest";
import { correctCouples, couplesStillIn, type SeasonOutcome, upcomingWeek } from "../../../src/polls/outcome.js";
import {
  defaultPredictionSettings,
  expectedAwards,
  ledgerDiff,
  pointsForCorrectPick,
} from "../../../src/polls/scoring.js";

const settings = defaultPredictionSettings;

describe("points for a correct pick", () => {
  test("GIVEN the defaults WHEN an elimination pick is right THEN it earns 1 point", () => {
    expect(pointsForCorrectPick("elimination", 4, settings)).toBe(1);
  });

  test.each([
    [1, 10],
    [2, 9],
    [5, 6],
    [8, 3],
    [12, 3],
  ])("GIVEN a Mirrorball poll opened in week %i WHEN its pick is right THEN it earns %i points", (week, points) => {
    expect(pointsForCorrectPick("mirrorball", week, settings)).toBe(points);
  });

  test("GIVEN a custom poll WHEN scored THEN it is worth nothing", () => {
    expect(pointsForCorrectPick("custom", null, settings)).toBe(0);
  });
});

describe("resolving a poll", () => {
  const options = [
    { position: 0, coupleId: 11 },
    { position: 1, coupleId: 12 },
    { position: 2, coupleId: 13 },
  ];
  const votes = [
    { userId: "a", position: 0 },
    { userId: "b", position: 1 },
    { userId: "c", position: 1 },
  ];

  test("GIVEN couple 12 went home WHEN the elimination poll resolves THEN its two pickers earn a point each", () => {
    const awards = expectedAwards({ kind: "elimination", week: 3 }, options, votes, new Set([12]), settings);
    expect(Object.fromEntries(awards)).toEqual({ a: 0, b: 1, c: 1 });
    expect(ledgerDiff(awards, new Map(), true)).toEqual([
      { userId: "b", points: 1, reason: "correct pick" },
      { userId: "c", points: 1, reason: "correct pick" },
    ]);
  });

  test("GIVEN the ledger already agrees WHEN resolved again THEN nothing is appended", () => {
    const awards = expectedAwards({ kind: "elimination", week: 3 }, options, votes, new Set([12]), settings);
    expect(
      ledgerDiff(
        awards,
        new Map([
          ["b", 1],
          ["c", 1],
        ]),
        false,
      ),
    ).toEqual([]);
  });

  test("GIVEN a correction (couple 11 went home, not 12) WHEN re-scored THEN reversing and new entries are appended", () => {
    const awards = expectedAwards({ kind: "elimination", week: 3 }, options, votes, new Set([11]), settings);
    expect(
      ledgerDiff(
        awards,
        new Map([
          ["b", 1],
          ["c", 1],
        ]),
        false,
      ),
    ).toEqual([
      { userId: "a", points: 1, reason: "correction" },
      { userId: "b", points: -1, reason: "reversal" },
      { userId: "c", points: -1, reason: "reversal" },
    ]);
  });

  test("GIVEN a double elimination WHEN resolved THEN a pick of either couple is right", () => {
    const awards = expectedAwards({ kind: "elimination", week: 3 }, options, votes, new Set([11, 12]), settings);
    expect([...awards.values()]).toEqual([1, 1, 1]);
  });
});

describe("season outcome", () => {
  const outcome: SeasonOutcome = {
    eliminations: new Map([
      [1, [13]],
      [2, []],
      [3, [12]],
    ]),
    placements: new Map(),
  };
  const couples = [
    { id: 11, exitWeek: null },
    { id: 12, exitWeek: null },
    { id: 13, exitWeek: 1 },
    { id: 14, exitWeek: 5 },
  ];

  test("GIVEN weeks 1-3 recorded WHEN asked for the week a new poll is about THEN it is week 4", () => {
    expect(upcomingWeek(outcome)).toBe(4);
    expect(upcomingWeek({ eliminations: new Map(), placements: new Map() })).toBe(1);
  });

  test("GIVEN exits in data and in records WHEN listing who is still dancing in week 4 THEN only those without an earlier exit remain", () => {
    expect(couplesStillIn(couples, outcome, 4).map((c) => c.id)).toEqual([11, 14]);
    expect(couplesStillIn(couples, outcome, 1).map((c) => c.id)).toEqual([11, 12, 13, 14]);
  });

  test("GIVEN a week with no elimination WHEN its poll resolves THEN nobody is right, but it does resolve", () => {
    expect(correctCouples({ kind: "elimination", week: 2 }, outcome)).toEqual(new Set());
    expect(correctCouples({ kind: "elimination", week: 4 }, outcome)).toBeNull();
  });

  test("GIVEN no finale yet WHEN a Mirrorball poll is checked THEN it waits; once placed the winner is right", () => {
    expect(correctCouples({ kind: "mirrorball", week: 1 }, outcome)).toBeNull();
    const done = {
      ...outcome,
      placements: new Map([
        [11, 1],
        [14, 2],
      ]),
    };
    expect(correctCouples({ kind: "mirrorball", week: 1 }, done)).toEqual(new Set([11]));
  });
});
