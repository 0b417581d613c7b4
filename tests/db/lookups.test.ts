import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { listCoupleEntries } from "../../src/db/queries/couples.js";
import { UserError } from "../../src/errors.js";
import { getCoupleCard } from "../../src/lookups/couple.js";
import { getLeaderboard } from "../../src/lookups/leaderboard.js";
import { CoupleNameIndex } from "../../src/lookups/nameIndex.js";
import { engine, seededDatabase } from "../support/database.js";

let database: DatabaseHandle;
let names: CoupleNameIndex;
beforeAll(async () => {
  database = await seededDatabase();
  names = new CoupleNameIndex(await listCoupleEntries(database.db));
});
afterAll(async () => database?.close());

describe(`leaderboard queries on ${engine}`, () => {
  test("GIVEN the season 32 finale WHEN ranked THEN semifinal plus finale totals match the broadcast", async () => {
    const board = await getLeaderboard(database.db, { season: 32, week: 11 });
    expect(board.standings.map((s) => [s.rank, `${s.couple.celebrity} & ${s.couple.pro}`, s.total])).toEqual([
      [1, "Xochitl Gomez & Val Chmerkovskiy", 120],
      [2, "Charity Lawson & Artem Chigvintsev", 118],
      [3, "Ariana Madix & Pasha Pashkov", 117],
      [3, "Jason Mraz & Daniella Karagach", 117],
      [5, "Alyson Hannigan & Sasha Farber", 104],
    ]);
    const xochitl = board.standings[0];
    expect(
      xochitl?.dances.map((d) => [d.performance.round, d.performance.style, d.performance.song, d.judgesTotal]),
    ).toEqual([
      ["redemption", "Foxtrot", "Unconditionally", 30],
      ["freestyle", "Freestyle", "Que Calor", 30],
    ]);
    expect(board.sheet.judges.map((j) => j.name)).toEqual(["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"]);
  });

  test("GIVEN a week with a guest judge WHEN loaded THEN all four judges score every dance", async () => {
    const board = await getLeaderboard(database.db, { season: 32, week: 3 });
    expect(board.sheet.judges.filter((j) => j.isGuest).map((j) => j.name)).toEqual(["Michael Strahan"]);
    for (const s of board.standings) for (const d of s.dances) expect(d.performance.scores).toHaveLength(4);
  });

  test("GIVEN no options WHEN asked THEN the latest season's latest week that aired answers", async () => {
    // Season 35 is on the air: weeks 1-3 scored, week 4 announced, weeks 5-11 scheduled.
    const board = await getLeaderboard(database.db, {});
    expect([board.sheet.season, board.sheet.week, board.sheet.status]).toEqual([35, 3, null]);
    expect(board.weekNumbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(board.standings).toHaveLength(13);
  });

  test("GIVEN season 35 week 4 WHEN asked THEN its announced dances are listed, unscored and unranked", async () => {
    const board = await getLeaderboard(database.db, { season: 35, week: 4 });
    expect(board.sheet.status).toBe("announced");
    expect(board.standings).toEqual([]);
    expect(board.announced).toHaveLength(12);
    expect(
      board.announced.map((a) => [a.couples[0]?.celebrity, a.performance.style, a.performance.song]),
    ).toContainEqual(["Amber Glenn", "Rumba", "Hero"]);
    expect(board.announced.every((a) => a.performance.scores.length === 0)).toBe(true);
  });

  test("GIVEN season 35 week 7 WHEN asked THEN it is a scheduled night with a date and theme only", async () => {
    const board = await getLeaderboard(database.db, { season: 35, week: 7 });
    expect([board.sheet.status, board.sheet.theme, board.sheet.airDate]).toEqual([
      "scheduled",
      "Horror Movie Night",
      "2026-10-27",
    ]);
    expect([board.standings, board.announced, board.sheet.judges]).toEqual([[], [], []]);
  });

  test.each([
    [{ season: 99 }, /There is no season 99 in the records. Try a season from/],
    [{ season: 32, week: 15 }, "Season 32 has no week 15. Try a week from 1-11."],
  ])("GIVEN %o WHEN asked THEN a sentence suggests valid choices", async (request, message) => {
    await expect(getLeaderboard(database.db, request)).rejects.toThrow(UserError);
    await expect(getLeaderboard(database.db, request)).rejects.toThrow(message);
  });
});

describe(`couple card on ${engine}`, () => {
  test("GIVEN Xochitl Gomez WHEN looked up THEN every week she danced is there with an average", async () => {
    const match = names.resolve("xochitl");
    const card = await getCoupleCard(database.db, match.entry.coupleId);
    expect(card.couple).toMatchObject({
      celebrity: "Xochitl Gomez",
      pro: "Val Chmerkovskiy",
      season: 32,
      placement: 1,
    });
    expect(card.weeks.map((w) => w.sheet.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(card.average?.perJudge).toBeGreaterThan(8);
    expect(card.average?.perJudge).toBeLessThanOrEqual(10);
  });
});
