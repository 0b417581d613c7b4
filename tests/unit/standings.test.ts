import { describe, expect, test } from "vitest";
import type { Performance, WeekSheet } from "../../src/db/queries/weekSheet.js";
import { carryOverPoints, rankByTotal, weekStandings } from "../../src/standings/standings.js";

const couples = [
  { id: 1, celebrity: "Xochitl Gomez", pro: "Val Chmerkovskiy" },
  { id: 2, celebrity: "Charity Lawson", pro: "Artem Chigvintsev" },
  { id: 3, celebrity: "Jason Mraz", pro: "Daniella Karagach" },
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

function sheet(performances: Performance[], extra: Partial<WeekSheet> = {}): WeekSheet {
  return {
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
    ...extra,
  };
}

describe("rankByTotal", () => {
  test("GIVEN equal totals WHEN ranked THEN they share a rank and the next rank skips", () => {
    const ranked = rankByTotal([{ total: 30 }, { total: 27 }, { total: 30 }, { total: 20 }]);
    expect(ranked.map((r) => [r.total, r.rank])).toEqual([
      [30, 1],
      [30, 1],
      [27, 3],
      [20, 4],
    ]);
  });
});

describe("weekStandings", () => {
  test("GIVEN a team dance WHEN totalled THEN its score counts for every couple in the team", () => {
    const standings = weekStandings(
      sheet([dance(1, [1], [9, 8, 9]), dance(2, [2], [8, 8, 8]), dance(3, [1, 2], [10, 10, 10], { round: "team" })]),
    );
    expect(standings.map((s) => [s.couple.celebrity, s.total, s.judgesMax])).toEqual([
      ["Xochitl Gomez", 56, 60],
      ["Charity Lawson", 54, 60],
    ]);
    expect(standings[0]?.dances[1]?.partners.map((c) => c.celebrity)).toEqual(["Charity Lawson"]);
  });

  test("GIVEN bonus points from a dance-off WHEN totalled THEN they are added apart from the judges' scores", () => {
    const standings = weekStandings(
      sheet([
        dance(1, [1], [9, 9, 9]),
        dance(2, [3], [9, 9, 10]),
        dance(3, [1, 3], [], {
          round: "dance-off",
          winnerCoupleId: 3,
          bonus: [{ coupleId: 3, points: 3, reason: null }],
        }),
      ]),
    );
    const jason = standings.find((s) => s.couple.id === 3);
    expect(jason).toMatchObject({ judgesTotal: 28, bonus: 3, total: 31, rank: 1 });
    expect(jason?.dances[1]?.judgesTotal).toBeNull();
  });

  test("GIVEN a finale with carry-over WHEN ranked THEN the semifinal totals are added", () => {
    const semifinal = sheet(
      [
        dance(1, [1], [10, 10, 10]),
        dance(2, [1], [10, 10, 10]),
        dance(3, [2], [10, 9, 10]),
        dance(4, [2], [10, 10, 10]),
      ],
      {
        week: 10,
      },
    );
    const finale = sheet([dance(5, [1], [10, 10, 10]), dance(6, [2], [9, 10, 10])], { week: 11, carryOverFrom: [10] });
    const standings = weekStandings(finale, carryOverPoints([semifinal]));
    expect(standings.map((s) => [s.couple.celebrity, s.carryOver, s.total, s.rank])).toEqual([
      ["Xochitl Gomez", 60, 90, 1],
      ["Charity Lawson", 59, 88, 2],
    ]);
  });

  test("GIVEN only weekly per-judge figures WHEN ranked THEN the figures times the dances make the total", () => {
    const standings = weekStandings(
      sheet([dance(1, [1], [10, 10, 10])], { weeklyScores: [{ coupleId: 2, scores: [8.5, 8.5, 8.5], dances: 2 }] }),
    );
    const charity = standings.find((s) => s.couple.id === 2);
    expect(charity).toMatchObject({ weeklyOnly: true, judgesTotal: 51, judgesMax: 60, rank: 1 });
  });

  test("GIVEN weekly figures over three dances but scores for only one WHEN ranked THEN the weekly figures make the total", () => {
    const standings = weekStandings(
      sheet(
        [
          dance(1, [1], [10, 10, 10]),
          dance(2, [1], []),
          dance(3, [2], [9, 9, 9]),
          dance(4, [2], [9, 9, 9]),
          dance(5, [2], [9, 9, 9]),
        ],
        {
          weeklyScores: [{ coupleId: 1, scores: [10, 10, 9.5], dances: 3 }],
        },
      ),
    );
    expect(standings.map((s) => [s.couple.id, s.total, s.weeklyOnly, s.rank])).toEqual([
      [1, 88.5, true, 1],
      [2, 81, false, 2],
    ]);
  });

  test("GIVEN the viewers' score WHEN totalled THEN it counts in the dance's total and maximum", () => {
    const [only] = weekStandings(
      sheet([dance(1, [1], [9, 9, 9], { extraScores: [{ by: "America's Score", kind: "viewers", score: 8 }] })]),
    );
    expect(only?.dances[0]).toMatchObject({ judgesTotal: 35, judgesMax: 40 });
  });

  test("GIVEN only a reported total WHEN totalled THEN it stands in for the judges' scores", () => {
    const [only] = weekStandings(sheet([dance(1, [1], [], { reportedTotal: 28 })]));
    expect(only).toMatchObject({ judgesTotal: 28, judgesMax: 30, total: 28 });
  });

  test("GIVEN a judge who gave no score WHEN totalled THEN the maximum counts only the judges who scored", () => {
    const [only] = weekStandings(sheet([dance(1, [1], [9, null, 8])]));
    expect(only).toMatchObject({ judgesTotal: 17, judgesMax: 20 });
  });
});
