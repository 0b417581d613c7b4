import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { UserError } from "../../src/errors.js";
import { getComparison } from "../../src/lookups/compare.js";
import { getCoupleCard, weeklyPoints } from "../../src/lookups/couple.js";
import { getStyleBest } from "../../src/lookups/dance.js";
import { buildIndexes, type LookupIndexes, refreshIndexes } from "../../src/lookups/indexes.js";
import { getJudgeRecord } from "../../src/lookups/judge.js";
import { getProCareer } from "../../src/lookups/pro.js";
import { getRecords } from "../../src/lookups/records.js";
import { seedSeasons } from "../../src/seed/seasons.js";
import { engine, seededDatabase } from "../support/database.js";

let database: DatabaseHandle;
let indexes: LookupIndexes;
beforeAll(async () => {
  database = await seededDatabase();
  indexes = await buildIndexes(database.db);
});
afterAll(async () => database?.close());

describe(`/pro on ${engine}`, () => {
  test("GIVEN Val Chmerkovskiy WHEN looked up THEN his titles include season 32 with Xochitl Gomez", async () => {
    const val = await getProCareer(database.db, indexes.pros.resolve("val chmerkovskiy").item.personId);
    expect(val.titles.map((t) => [t.season, t.celebrity])).toContainEqual([32, "Xochitl Gomez"]);
    expect(val.titles.find((t) => t.season === 32)?.trophy).toBe("Len Goodman Mirrorball Trophy");
    expect(val.seasons.length).toBeGreaterThanOrEqual(20);
    expect(val.average).toBeGreaterThan(7);
    expect(val.average).toBeLessThanOrEqual(10);
  });

  test("GIVEN Val Chmerkovskiy WHEN looked up THEN season 34 is dance by dance and season 35 has what aired so far", async () => {
    const val = await getProCareer(database.db, indexes.pros.resolve("Val Chmerkovskiy").item.personId);
    const s34 = val.seasons.find((s) => s.season === 34);
    expect(s34?.average).toBeGreaterThan(8);
    expect(s34?.dances).toBeGreaterThan(10);
    // Season 35 with Jenna Dewan: three dances scored (weeks 1-3); week 4's announced dance is not counted.
    const s35 = val.seasons.find((s) => s.season === 35);
    expect(s35?.dances).toBe(3);
  });

  test("GIVEN a name that is nobody WHEN resolved THEN the sentence says no pro is called that", () => {
    expect(() => indexes.pros.resolve("Zzyzx Qwerty")).toThrow(
      new UserError('No pro called "Zzyzx Qwerty" is in the records. Pick one from the list as you type.'),
    );
  });
});

describe(`/judge on ${engine}`, () => {
  test("GIVEN Carrie Ann Inaba WHEN looked up THEN she judged every season, gave tens, and is compared with the panel", async () => {
    const judge = await getJudgeRecord(database.db, indexes.judges.resolve("Carrie Ann").item.personId);
    expect(judge.seasons.filter((s) => s.role === "panel").map((s) => s.season)).toEqual(
      Array.from({ length: 35 }, (_, i) => i + 1),
    );
    expect(judge.tens).toBeGreaterThan(100);
    expect(judge.average).toBeGreaterThan(6);
    expect(judge.versusPanel).not.toBeNull();
    expect(Math.abs(judge.versusPanel ?? 9)).toBeLessThan(1);
  });

  test("GIVEN a guest judge WHEN looked up THEN the season is a guest season", async () => {
    const guest = await getJudgeRecord(database.db, indexes.judges.resolve("Michael Strahan").item.personId);
    expect(guest.seasons.map((s) => [s.season, s.role])).toEqual([[32, "guest"]]);
  });
});

describe(`/dance and /records on ${engine}`, () => {
  test("GIVEN the Argentine tango WHEN ranked THEN the best come first and every one is an Argentine tango", async () => {
    const best = await getStyleBest(database.db, indexes.styles.resolve("argentine tango"), null);
    expect(best.dances.length).toBeGreaterThan(100);
    expect(best.dances[0]?.perJudge).toBe(10);
    for (const d of best.dances) expect(d.style?.toLowerCase()).toBe("argentine tango");
    const perJudge = best.dances.map((d) => d.perJudge);
    expect(perJudge).toEqual([...perJudge].sort((a, b) => b - a));
  });

  test("GIVEN a season with no such style WHEN asked THEN a sentence suggests leaving the season out", async () => {
    await expect(getStyleBest(database.db, indexes.styles.resolve("Bollywood"), 1)).rejects.toThrow(
      /leave the season out/,
    );
  });

  test("GIVEN all seasons WHEN records are drawn THEN highest beats lowest and perfect scores are counted", async () => {
    const r = await getRecords(database.db, null);
    expect(r.highest[0]?.perJudge).toBe(10);
    expect(r.lowest[0]?.perJudge).toBeLessThan(4);
    expect(r.mostPerfect[0]?.perfect).toBeGreaterThan(5);
    expect(r.bestAverages[0]?.average).toBeGreaterThan(9);
  });

  test("GIVEN season 35, on the air WHEN records are asked THEN they come from the weeks scored so far", async () => {
    const r = await getRecords(database.db, 35);
    expect(r.highest.length).toBeGreaterThan(0);
    for (const d of [...r.highest, ...r.lowest]) expect([d.season, d.week <= 3]).toEqual([35, true]);
  });

  test("GIVEN season 32 WHEN records are drawn THEN every dance listed is from season 32", async () => {
    const r = await getRecords(database.db, 32);
    for (const d of [...r.highest, ...r.lowest]) expect(d.season).toBe(32);
  });
});

describe(`charts and /compare on ${engine}`, () => {
  test("GIVEN Xochitl Gomez WHEN charted THEN every week has her total and the season's average", async () => {
    const card = await getCoupleCard(database.db, indexes.names.resolve("Xochitl Gomez").entry.coupleId);
    const points = weeklyPoints(card);
    expect(points.map((p) => p.key)).toEqual(["W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8", "W9", "W10", "W11"]);
    for (const p of points) expect(p.seasonAverage).not.toBeNull();
  });

  test("GIVEN two season 32 couples WHEN compared THEN both sides have weeks and it knows they share a season", async () => {
    const a = indexes.names.resolve("Xochitl Gomez").entry.coupleId;
    const b = indexes.names.resolve("Charity Lawson").entry.coupleId;
    const c = await getComparison(database.db, a, b);
    expect(c.sameSeason).toBe(true);
    expect(c.a.perfect).toBeGreaterThan(0);
    expect(c.b.points.length).toBeGreaterThan(5);
  });

  test("GIVEN the same couple twice WHEN compared THEN a sentence asks for two couples", async () => {
    const a = indexes.names.resolve("Xochitl Gomez").entry.coupleId;
    await expect(getComparison(database.db, a, a)).rejects.toThrow(/two different couples/);
  });
});

describe(`indexes on ${engine}`, () => {
  test("GIVEN the indexes WHEN refreshed after a reseed THEN the same objects hold the same names", async () => {
    const before = [indexes.names.size, indexes.pros.size, indexes.judges.size, indexes.styles.size];
    const pros = indexes.pros;
    await seedSeasons(database.db, { force: true });
    await refreshIndexes(database.db, indexes);
    expect(indexes.pros).toBe(pros);
    expect([indexes.names.size, indexes.pros.size, indexes.judges.size, indexes.styles.size]).toEqual(before);
  });
});
