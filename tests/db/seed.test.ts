import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setExits } from "../../src/admin/edits.js";
import { editLiveSeason } from "../../src/admin/seasons.js";
import { parseSeasonFile, readSeasonFiles, SeasonFileError } from "../../src/data/loadSeasonFiles.js";
import type { DatabaseHandle } from "../../src/db/client.js";
import { getLiveSeason } from "../../src/db/queries/liveSeasons.js";
import { couples, judgeScores, people, performances, seasons } from "../../src/db/schema/index.js";
import { getWeekResults } from "../../src/lookups/results.js";
import { seedAndScore } from "../../src/seed/index.js";
import { isEmpty, seedSeasons } from "../../src/seed/seasons.js";
import { engine, freshDatabase } from "../support/database.js";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => database?.close());

const tables = { couples, performances, judge_scores: judgeScores } as const;
const count = (table: keyof typeof tables) => database.db.$count(tables[table]);
const coupleIds = async () =>
  (await database.db.select({ id: couples.id }).from(couples).orderBy(couples.id)).map((r) => r.id);

describe(`seeding on ${engine}`, () => {
  test("GIVEN an empty database WHEN seeded twice THEN the second run changes nothing", async () => {
    expect(await isEmpty(database.db)).toBe(true);
    const files = await readSeasonFiles();
    const first = await seedSeasons(database.db, { files });
    expect(first.loaded).toContain(32);
    const counts = [await count("couples"), await count("performances"), await count("judge_scores")];
    const second = await seedSeasons(database.db, { files });
    expect(second.loaded).toEqual([]);
    expect(second.unchanged).toHaveLength(files.length);
    expect([await count("couples"), await count("performances"), await count("judge_scores")]).toEqual(counts);
  });

  test("GIVEN a forced reseed WHEN it runs THEN couple ids stay and rows are not duplicated", async () => {
    const before = await count("performances");
    const ids = await coupleIds();
    await seedSeasons(database.db, { force: true });
    expect(await count("performances")).toBe(before);
    expect(await coupleIds()).toEqual(ids);
  });

  test("GIVEN season 32 run from Discord WHEN data/ is seeded, forced or not THEN it is left alone and reported live", async () => {
    await editLiveSeason(database.db, {
      season: 32,
      userId: "900000000000000001",
      action: "eliminate",
      edit: (doc) => setExits(doc, { week: 5, couples: ["Harry Jowsey"], outcome: "eliminated" }),
    });
    const files = await readSeasonFiles();
    const forced = await seedSeasons(database.db, { files: files.filter((f) => f.season.season === 32), force: true });
    expect(forced).toEqual({ loaded: [], unchanged: [], live: [32] });
    const again = await seedSeasons(database.db, { files });
    expect(again.live).toEqual([32]);
    expect(again.unchanged).toHaveLength(files.length - 1);
    const week5 = await getWeekResults(database.db, { season: 32, week: 5 });
    expect(week5.eliminated.map((c) => c.celebrity)).toEqual(["Harry Jowsey"]);
  });

  test("GIVEN season 32 run from Discord WHEN the owners' own document is loaded (live) THEN it loads", async () => {
    const live = await getLiveSeason(database.db, 32);
    if (!live) throw new Error("season 32 is not live");
    const season = setExits(live.document, { week: 5, couples: ["Mira Sorvino"], outcome: "eliminated" });
    const hash = createHash("sha256").update(JSON.stringify(season)).digest("hex");
    const report = await seedAndScore(database.db, { files: [{ file: "live season 32", hash, season }], live: true });
    expect(report).toEqual({ loaded: [32], unchanged: [], live: [] });
    const week5 = await getWeekResults(database.db, { season: 32, week: 5 });
    expect(week5.eliminated.map((c) => c.celebrity)).toEqual(["Mira Sorvino"]);
  });

  test("season 32 has 14 couples, and Derek Hough is one person whatever his roles", async () => {
    const [season] = await database.db.select().from(seasons).where(eq(seasons.number, 32));
    expect(await database.db.$count(couples, eq(couples.seasonId, season?.id ?? -1))).toBe(14);
    expect(await database.db.$count(people, eq(people.name, "Derek Hough"))).toBe(1);
  });
});

describe("season file validation", () => {
  const valid = {
    format: "mirrorball.season/1",
    season: 99,
    premiere: null,
    finale: null,
    hosts: [],
    judges: ["A Judge"],
    couples: [{ celebrity: "A Star", pro: "A Pro", placement: 1, result: "Winner" }],
    weeks: [
      {
        week: 1,
        airDate: null,
        theme: null,
        judges: ["A Judge"],
        performances: [
          { round: "regular", style: "Waltz", song: null, artist: null, couples: ["A Star"], scores: [9] },
        ],
      },
    ],
    sources: [],
  };

  test("GIVEN a valid file WHEN parsed THEN it is accepted", () => {
    expect(parseSeasonFile("season-99.json", JSON.stringify(valid)).season.season).toBe(99);
  });

  test.each([
    ["{ not json", /season-99.json: is not valid JSON/],
    [JSON.stringify({ ...valid, season: "ninety" }), /season-99.json: season /],
    [
      JSON.stringify({
        ...valid,
        weeks: [{ ...valid.weeks[0], performances: [{ ...valid.weeks[0]?.performances[0], couples: ["Nobody"] }] }],
      }),
      /weeks\[0\]\.performances\[0\]\.couples\[0\] names "Nobody", who is not in this season's couples/,
    ],
    [
      JSON.stringify({
        ...valid,
        weeks: [{ ...valid.weeks[0], performances: [{ ...valid.weeks[0]?.performances[0], scores: [9, 9] }] }],
      }),
      /weeks\[0\]\.performances\[0\]\.scores has 2 scores but the week lists 1 judges/,
    ],
    [
      JSON.stringify({
        ...valid,
        weeks: [{ ...valid.weeks[0], performances: [{ ...valid.weeks[0]?.performances[0], scores: [11] }] }],
      }),
      /weeks\[0\]\.performances\[0\]\.scores\[0\]/,
    ],
  ])(
    "GIVEN a malformed file WHEN parsed THEN the error names the file, the place and the reason (%#)",
    (text, message) => {
      expect(() => parseSeasonFile("season-99.json", text)).toThrow(SeasonFileError);
      expect(() => parseSeasonFile("season-99.json", text)).toThrow(message);
    },
  );
});
