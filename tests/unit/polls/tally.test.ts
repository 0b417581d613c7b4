import { describe, expect, test } from "vitest";
import { largestRemainder, tally, textBar } from "../../../src/polls/tally.js";

const options = ["Xochitl & Val", "Jason & Daniella", "Ariana & Pasha"].map((label, position) => ({ position, label }));

describe("tally", () => {
  test("GIVEN votes split three ways WHEN tallied THEN percentages add up to exactly 100", () => {
    const result = tally(
      options,
      new Map([
        [0, 1],
        [1, 1],
        [2, 1],
      ]),
    );
    expect(result.total).toBe(3);
    expect(result.rows.map((r) => r.percent).reduce((a, b) => a + b, 0)).toBe(100);
    expect(result.leaders).toEqual([0, 1, 2]);
  });

  test("GIVEN no votes WHEN tallied THEN every answer shows 0% and there is no leader", () => {
    const result = tally(options, new Map());
    expect(result.rows.map((r) => r.percent)).toEqual([0, 0, 0]);
    expect(result.leaders).toEqual([]);
  });

  test("GIVEN a clear favourite WHEN tallied THEN it alone leads, with votes on unknown answers ignored", () => {
    const result = tally(
      options,
      new Map([
        [0, 7],
        [1, 2],
        [2, 1],
        [9, 50],
      ]),
    );
    expect(result.total).toBe(10);
    expect(result.leaders).toEqual([0]);
    expect(result.rows[0]).toMatchObject({ votes: 7, percent: 70 });
  });

  test.each([
    [
      [1, 1, 1],
      [34, 33, 33],
    ],
    [
      [2, 1],
      [67, 33],
    ],
    [
      [1, 0, 0, 0, 0, 0, 1],
      [50, 0, 0, 0, 0, 0, 50],
    ],
  ])("GIVEN votes %j WHEN rounded by largest remainder THEN the shares are %j", (votes, expected) => {
    expect(
      largestRemainder(
        votes,
        votes.reduce((a, b) => a + b, 0),
      ),
    ).toEqual(expected);
  });

  test("GIVEN a percentage WHEN drawn as a text bar THEN it has the given width and fills in proportion", () => {
    expect(textBar(50, 10)).toBe("█████░░░░░");
    expect(textBar(0, 4)).toBe("░░░░");
    expect(textBar(140, 4)).toBe("████");
  });
});
