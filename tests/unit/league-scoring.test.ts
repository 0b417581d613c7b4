import { describe, expect, test } from "vitest";
import type { Performance, WeekSheet } from "../../src/db/queries/weekSheet.js";
import {
  defaultRules,
  expectedPoints,
  ledgerDiff,
  pointsKey,
  rulesOf,
  type ScoringWeek,
  weekPoints,
} from "../../src/leagues/scoring.js";

const couples = [
  { id: 1, celebrity: "Xochitl Gomez", pro: "Val Chmerkovskiy" },
  { id: 2, celebrity: "Charity Lawson", pro: "Artem Chigvintsev" },
  { id: 3, celebrity: "Jason Mraz", pro: "Daniella Karagach" },
  { id: 4, celebrity: "Matt Walsh", pro: "Koko Iwasaki" },
];

function dance(
  id: number,
  coupleIds: number[],
  scores: (number | null)[],
  extra: Partial<Performance> = {},
): Performance {
  return {
    id,
    round: "regular",
    style: "Tango",
    song: null,
    artist: null,
    team: null,
    note: null,
    coupleIds,
    scores,
    reportedTotal: null,
    extraScores: [],
    bonus: [],
    winnerCoupleId: null,
    standIns: [],
    ...extra,
  };
}

function week(performances: Performance[], extra: Partial<ScoringWeek> = {}, sheetExtra: Partial<WeekSheet> = {}) {
  const sheet: WeekSheet = {
    season: 32,
    week: 1,
    label: "",
    theme: null,
    airDate: null,
    isFinale: false,
    judges: [
      { name: "Carrie Ann Inaba", isGuest: false },
      { name: "Derek Hough", isGuest: false },
      { name: "Bruno Tonioli", isGuest: false },
    ],
    carryOverFrom: [],
    couples,
    performances,
    bonus: [],
    weeklyScores: [],
    ...sheetExtra,
  };
  return { week: 1, isFinale: false, sheets: [sheet], eliminated: [], withdrew: [], placements: new Map(), ...extra };
}

const byCouple = (w: ScoringWeek) => new Map(weekPoints(w, defaultRules).map((p) => [p.coupleId, p.points]));

describe("league scoring", () => {
  test("GIVEN a regular week WHEN scored THEN marks, the top score, survival and elimination count", () => {
    const points = byCouple(
      week([dance(1, [1], [8, 8, 9]), dance(2, [2], [7, 7, 8]), dance(3, [4], [4, 4, 4])], { eliminated: [4] }),
    );
    // Xochitl 25 + top 5 + survived 3; Charity 22 + 3; Matt 12 - 5.
    expect(points).toEqual(
      new Map([
        [1, 33],
        [2, 25],
        [4, 7],
      ]),
    );
  });

  test("GIVEN a perfect team dance and a dance-off bonus WHEN scored THEN each couple in the team gets the perfect bonus and the winner its points", () => {
    const team = dance(1, [1, 2], [10, 10, 10], { round: "team" });
    const danceOff = dance(2, [1, 2], [], { round: "dance-off", bonus: [{ coupleId: 2, points: 3, reason: "won" }] });
    const points = byCouple(week([team, danceOff, dance(3, [3], [9, 9, 9])]));
    // Xochitl 30 + perfect 5 + survived 3; Charity 30 + 3 bonus, which is the week's top (33), + perfect 5 + top 5 + 3.
    expect(points.get(1)).toBe(38);
    expect(points.get(2)).toBe(46);
    expect(points.get(3)).toBe(30);
  });

  test("GIVEN a finale with the winner recorded WHEN scored THEN placements score and nobody survives or goes home", () => {
    const finale = week([dance(1, [1], [10, 10, 10]), dance(2, [3], [9, 9, 9])], {
      isFinale: true,
      placements: new Map([
        [1, 1],
        [3, 2],
        [2, 4],
      ]),
    });
    const points = byCouple(finale);
    expect(points.get(1)).toBe(30 + 5 + 5 + 30);
    expect(points.get(3)).toBe(27 + 20);
    expect(points.get(2)).toBe(0);
  });

  test("GIVEN custom rules WHEN read back THEN unknown keys are ignored and missing ones default", () => {
    expect(rulesOf({ perMark: 2, bogus: 9 })).toEqual({ ...defaultRules, perMark: 2 });
    const doubled = weekPoints(week([dance(1, [1], [8, 8, 8])]), { ...defaultRules, perMark: 2, topScore: 0 });
    expect(doubled[0]?.points).toBe(48 + 3);
  });

  test("GIVEN a waiver claim WHEN points are expected THEN the couple scores for its new team from the week after only", () => {
    const weeks = [1, 2].flatMap((w) => [
      {
        coupleId: 2,
        week: w,
        points: 20 + w,
        marks: 0,
        perfect: 0,
        top: false,
        survived: true,
        eliminated: false,
        placement: null,
      },
    ]);
    const expected = expectedPoints([{ teamId: 7, coupleId: 2, fromWeek: 2 }], weeks);
    expect([...expected.values()]).toEqual([{ teamId: 7, coupleId: 2, week: 2, points: 22 }]);
  });

  test("GIVEN a ledger WHEN the records change THEN only the difference is appended, and a vanished key is reversed", () => {
    const key = { teamId: 1, coupleId: 1, week: 1 };
    const other = { teamId: 1, coupleId: 4, week: 1 };
    const held = new Map([
      [pointsKey(key), { ...key, points: 21 }],
      [pointsKey(other), { ...other, points: 7 }],
    ]);
    const expected = new Map([[pointsKey(key), { ...key, points: 35 }]]);
    expect(ledgerDiff(expected, held)).toEqual([
      { ...key, points: 14, reason: "correction" },
      { ...other, points: -7, reason: "correction" },
    ]);
    expect(ledgerDiff(held, held)).toEqual([]);
    expect(ledgerDiff(expected, new Map())).toEqual([{ ...key, points: 35, reason: "scored" }]);
  });
});
