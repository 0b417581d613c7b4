import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resultsView } from "../../src/commands/results/view.js";
import type { DatabaseHandle } from "../../src/db/client.js";
import { getGuildSettings, setSpoilerHours } from "../../src/db/queries/guilds.js";
import { UserError } from "../../src/errors.js";
import { nearestWeek } from "../../src/lookups/navigation.js";
import { getWeekResults, isDoubleElimination } from "../../src/lookups/results.js";
import { getSeasonOverview } from "../../src/lookups/season.js";
import { engine, seededDatabase } from "../support/database.js";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(async () => database?.close());

const names = (list: { celebrity: string }[]) => list.map((c) => c.celebrity);

describe(`/season on ${engine}`, () => {
  test("GIVEN season 32 WHEN looked up THEN dates, hosts, judges, winner and the renamed trophy are there", async () => {
    const s = await getSeasonOverview(database.db, 32);
    expect(s).toMatchObject({
      premiere: "2023-09-26",
      finale: "2023-12-05",
      trophy: "Len Goodman Mirrorball Trophy",
      hosts: ["Alfonso Ribeiro", "Julianne Hough"],
      judges: ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"],
      weekCount: 11,
      noEliminationWeeks: [10],
    });
    expect(s.winners.map((w) => `${w.celebrity} & ${w.pro}`)).toEqual(["Xochitl Gomez & Val Chmerkovskiy"]);
    expect(s.cast).toHaveLength(14);
    expect(s.cast.at(-1)?.celebrity).toBe("Matt Walsh");
  });

  test("GIVEN season 1 WHEN looked up THEN the trophy is the Mirrorball Trophy and the cast is ordered", async () => {
    const s = await getSeasonOverview(database.db, 1);
    expect(s.trophy).toBe("Mirrorball Trophy");
    expect(s.cast.map((c) => c.placement)).toEqual(
      [...s.cast.map((c) => c.placement)].sort((a, b) => (a ?? 99) - (b ?? 99)),
    );
  });

  test("GIVEN no number WHEN looked up THEN the latest season answers", async () => {
    expect((await getSeasonOverview(database.db, null)).number).toBe(35);
  });

  test("GIVEN season 99 WHEN looked up THEN a sentence gives the valid range", async () => {
    await expect(getSeasonOverview(database.db, 99)).rejects.toThrow(
      /There is no season 99 in the records. Try a season from 1-35/,
    );
  });
});

describe(`/results on ${engine}`, () => {
  test("GIVEN season 32 week 6 WHEN asked THEN Mauricio went home and two couples were in the bottom", async () => {
    const r = await getWeekResults(database.db, { season: 32, week: 6 });
    expect(names(r.eliminated)).toEqual(["Mauricio Umansky"]);
    expect(names(r.bottom).sort()).toEqual(["Alyson Hannigan", "Harry Jowsey"]);
    expect(r.noElimination).toBe(false);
  });

  test("GIVEN the season 32 semifinal WHEN asked THEN it is a no-elimination week", async () => {
    const r = await getWeekResults(database.db, { season: 32, week: 10 });
    expect(r.noElimination).toBe(true);
    expect(r.eliminated).toEqual([]);
  });

  test("GIVEN the season 32 finale WHEN asked THEN the placements run from the winner down", async () => {
    const r = await getWeekResults(database.db, { season: 32, week: 11 });
    expect(r.isFinale).toBe(true);
    expect(r.placements.map((p) => [p.placement, p.couple.celebrity])).toEqual([
      [1, "Xochitl Gomez"],
      [2, "Jason Mraz"],
      [3, "Ariana Madix"],
      [4, "Charity Lawson"],
      [5, "Alyson Hannigan"],
    ]);
  });

  test("GIVEN a season 31 judges' save week WHEN asked THEN each judge's vote is listed", async () => {
    const r = await getWeekResults(database.db, { season: 31, week: 6 });
    expect(r.saveVotes.length).toBeGreaterThanOrEqual(3);
    expect(names(r.saved)).toEqual(["Trevor Donovan"]);
    expect(names(r.eliminated)).toEqual(["Jessie James Decker"]);
  });

  test.each(Array.from({ length: 34 }, (_, i) => i + 1))(
    "GIVEN season %i WHEN every week is asked THEN each ends in an outcome or says nothing is recorded",
    async (season) => {
      const { weekNumbers } = await getWeekResults(database.db, { season });
      for (const week of weekNumbers) {
        const r = await getWeekResults(database.db, { season, week });
        const said =
          r.noElimination || r.unrecorded || r.placements.length > 0 || r.eliminated.length + r.withdrew.length > 0;
        expect(said, `season ${season} week ${week}`).toBe(true);
      }
    },
  );

  test("GIVEN seasons with a double elimination and a withdrawal WHEN asked THEN both are recognised", async () => {
    let doubles = 0;
    let withdrawals = 0;
    for (const season of [15, 20, 21, 23, 31]) {
      const { weekNumbers } = await getWeekResults(database.db, { season });
      for (const week of weekNumbers) {
        const r = await getWeekResults(database.db, { season, week });
        if (isDoubleElimination(r)) doubles++;
        withdrawals += r.withdrew.length;
      }
    }
    expect(doubles).toBeGreaterThan(0);
    expect(withdrawals).toBeGreaterThanOrEqual(3);
  });

  test("GIVEN week 15 of season 32 WHEN asked THEN a sentence gives the weeks there are", async () => {
    await expect(getWeekResults(database.db, { season: 32, week: 15 })).rejects.toThrow(
      new UserError("Season 32 has no week 15. Try a week from 1-11."),
    );
  });
});

describe(`spoiler guard on ${engine}`, () => {
  const guildId = "111111111111111111";
  // Season 35 is on the air: its newest week that aired is week 3 (September 29, 2026).
  const newest = { season: 35, week: 3, guildId };

  test("GIVEN a server that never chose WHEN read THEN the guard is off", async () => {
    expect(await getGuildSettings(database.db, "222222222222222222")).toEqual({ spoilerHours: 0 });
  });

  test("GIVEN a 24-hour guard WHEN the newest week is asked the morning after THEN the names are behind spoiler bars", async () => {
    await setSpoilerHours(database.db, guildId, 24);
    const r = await getWeekResults(database.db, { ...newest, now: new Date("2026-09-30T12:00:00Z") });
    expect(r.hiddenUntil?.toISOString()).toBe("2026-10-01T00:00:00.000Z");
    const text = JSON.stringify(resultsView(r).embeds);
    expect(r.eliminated.map((c) => c.celebrity)).toEqual(["Taylor Hanson"]);
    expect(text).not.toMatch(/"value":"[^|]/);
  });

  test("GIVEN the same guard WHEN the window has passed or an older week is asked THEN results show openly", async () => {
    await setSpoilerHours(database.db, guildId, 24);
    const later = await getWeekResults(database.db, { ...newest, now: new Date("2026-10-02T12:00:00Z") });
    const older = await getWeekResults(database.db, { ...newest, week: 2, now: new Date("2026-09-30T12:00:00Z") });
    expect([later.hiddenUntil, older.hiddenUntil]).toEqual([null, null]);
  });

  test("GIVEN the guard turned off WHEN read THEN the setting is stored as 0", async () => {
    await setSpoilerHours(database.db, guildId, 0);
    expect(await getGuildSettings(database.db, guildId)).toEqual({ spoilerHours: 0 });
  });
});

describe(`leaderboard season navigation on ${engine}`, () => {
  test.each([
    [31, 11, 10],
    [32, 11, 11],
    [1, 9, 7],
  ])("GIVEN a move to season %i from week %i WHEN resolved THEN it opens week %i", async (season, wanted, week) => {
    expect(await nearestWeek(database.db, season, wanted)).toBe(week);
  });

  test("GIVEN a forged season WHEN resolved THEN a sentence says so", async () => {
    await expect(nearestWeek(database.db, 77, 1)).rejects.toThrow(UserError);
  });
});
