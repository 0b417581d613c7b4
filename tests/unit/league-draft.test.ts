import { describe, expect, test } from "vitest";
import { leagueIds } from "../../src/commands/league/ids.js";
import { autoPick, type Candidate, rankCandidates } from "../../src/leagues/autopick.js";
import { afterTurn, draftTurns, roundAndPick, snakeSlot, teamOnClock } from "../../src/leagues/draft.js";
import { lastCompleteWeek, proRecord } from "../../src/leagues/season.js";
import { waiverOrder } from "../../src/leagues/waivers.js";

describe("snake draft", () => {
  test("GIVEN 4 teams WHEN three rounds are drafted THEN each round reverses the last", () => {
    const order = Array.from({ length: draftTurns(4, 3) }, (_, turn) => snakeSlot(turn, 4));
    expect(order).toEqual([0, 1, 2, 3, 3, 2, 1, 0, 0, 1, 2, 3]);
    expect(roundAndPick(5, 4)).toEqual({ round: 2, pick: 2 });
  });

  test("GIVEN a league WHEN asked who is on the clock THEN the draft follows the snake and waivers their own order", () => {
    const teams = [10, 20, 30];
    const drafting = { status: "drafting", turn: 3, teamSize: 2, waiverStart: null, waiverOrder: [] };
    expect(teamOnClock(drafting, teams)).toBe(30);
    expect(teamOnClock({ ...drafting, turn: 6 }, teams)).toBeNull();
    const waivers = { status: "waivers", turn: 7, teamSize: 2, waiverStart: 6, waiverOrder: [20, 10] };
    expect(teamOnClock(waivers, teams)).toBe(10);
    expect(teamOnClock({ ...drafting, status: "active" }, teams)).toBeNull();
  });

  test("GIVEN the last turn of the draft or of waivers WHEN taken THEN the clock stops and the season is under way", () => {
    const drafting = { status: "drafting", turn: 4, teamSize: 2, waiverStart: null, waiverOrder: [] };
    expect(afterTurn(drafting, 3)).toEqual({ status: "drafting", clock: true });
    expect(afterTurn({ ...drafting, turn: 5 }, 3)).toEqual({ status: "active", clock: false });
    const waivers = { status: "waivers", turn: 6, teamSize: 2, waiverStart: 6, waiverOrder: [1, 2] };
    expect(afterTurn(waivers, 3)).toEqual({ status: "waivers", clock: true });
    expect(afterTurn({ ...waivers, turn: 7 }, 3)).toEqual({ status: "active", clock: false });
  });
});

const candidate = (celebrity: string, extra: Partial<Candidate>): Candidate => ({
  coupleId: celebrity.length,
  celebrity,
  pro: "Pro",
  lastWeek: null,
  proSeasons: 0,
  proTitles: 0,
  proAveragePlacement: null,
  ...extra,
});

describe("automatic pick", () => {
  const val = candidate("Xochitl Gomez", { proTitles: 2, proAveragePlacement: 5.5, lastWeek: 18 });
  const peta = candidate("Barry Williams", { proTitles: 2, proAveragePlacement: 7.4, lastWeek: 16 });
  const rookie = candidate("Harry Jowsey", { lastWeek: 24 });
  const daniella = candidate("Jason Mraz", { proTitles: 1, proAveragePlacement: 5, lastWeek: 21 });

  test("GIVEN week 1 not scored WHEN the clock runs out THEN the pro with most trophies wins, then the better average", () => {
    expect(rankCandidates([rookie, daniella, peta, val], false).map((c) => c.celebrity)).toEqual([
      "Xochitl Gomez",
      "Barry Williams",
      "Jason Mraz",
      "Harry Jowsey",
    ]);
  });

  test("GIVEN a week scored WHEN the clock runs out THEN last week's best judges' total wins, ties by name", () => {
    const tied = candidate("Ariana Madix", { lastWeek: 24 });
    expect(autoPick([val, rookie, tied, daniella], true)?.celebrity).toBe("Ariana Madix");
    expect(autoPick([], true)).toBeNull();
  });
});

describe("waivers", () => {
  test("GIVEN teams that lost a couple WHEN ordered THEN the lowest standing claims first, a tie to the later draft slot", () => {
    expect(
      waiverOrder([
        { teamId: 1, points: 80, slot: 0 },
        { teamId: 2, points: 40, slot: 1 },
        { teamId: 3, points: 80, slot: 2 },
      ]),
    ).toEqual([2, 3, 1]);
  });
});

describe("weeks a live league may score", () => {
  const weeks = [1, 2, 3, 4].map((number) => ({ number, isFinale: number === 4, noElimination: number === 2 }));
  test.each([
    { exits: [], winner: false, last: 0 },
    { exits: [1], winner: false, last: 2 },
    { exits: [1, 3], winner: false, last: 3 },
    { exits: [1, 3], winner: true, last: 4 },
    { exits: [3], winner: true, last: 0 },
  ])(
    "GIVEN exits in weeks $exits (winner recorded: $winner) THEN weeks up to $last count",
    ({ exits, winner, last }) => {
      expect(lastCompleteWeek(weeks, new Set(exits), winner)).toBe(last);
    },
  );

  test("GIVEN a pro's earlier placements WHEN summed up THEN seasons, titles and the average placement come back", () => {
    expect(proRecord([1, 3, null, 2])).toEqual({ seasons: 4, titles: 1, averagePlacement: 2 });
    expect(proRecord([])).toEqual({ seasons: 0, titles: 0, averagePlacement: null });
  });
});

describe("league custom ids", () => {
  test("GIVEN a pick menu id WHEN decoded THEN league and turn come back; forged ones do not", () => {
    expect(leagueIds.pick.decode(leagueIds.pick.encode(12, 7))).toEqual([12, 7]);
    expect(leagueIds.pick.decode("lg:pick:12")).toBeUndefined();
    expect(leagueIds.keep.decode("lg:pick:12:7")).toBeUndefined();
    expect(leagueIds.join.decode("lg:join:-1")).toBeUndefined();
  });
});
