import { and, eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { announceChange, LiveSync } from "../../src/admin/live.js";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";
import { seasons } from "../../src/db/schema/index.js";
import { buildIndexes } from "../../src/lookups/indexes.js";
import { getSeasonOverview } from "../../src/lookups/season.js";
import { SeasonStore } from "../../src/seasons/store.js";
import { engine, seededDatabase, type TestDatabase } from "../support/database.js";

const silent = pino({ level: "silent" });
const noPosts = async () => "0";

describe("season store", () => {
  test("GIVEN the same key asked at once and again WHEN answered THEN it is computed once", async () => {
    const store = new SeasonStore();
    let builds = 0;
    const build = async () => ++builds;
    expect(await Promise.all([store.remember("k", build), store.remember("k", build)])).toEqual([1, 1]);
    expect(await store.remember("k", build)).toBe(1);
    store.forget();
    expect(await store.remember("k", build)).toBe(2);
  });

  test("GIVEN a failed build WHEN asked again THEN it is computed again", async () => {
    const store = new SeasonStore();
    await expect(store.remember("k", async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    expect(await store.remember("k", async () => "yes")).toBe("yes");
  });

  test("GIVEN data that changes while an answer is being built WHEN it finishes THEN its callers get it but it is not kept", async () => {
    const store = new SeasonStore();
    let release: () => void = () => {};
    const slow = store.remember("k", () => new Promise<string>((resolve) => (release = () => resolve("old"))));
    store.forget();
    release();
    expect(await slow).toBe("old");
    expect(await store.remember("k", async () => "new")).toBe("new");
  });
});

describe(`a change in one process shows at once in another (${engine})`, () => {
  let database: TestDatabase;
  let other: DatabaseHandle | undefined;
  let sync: LiveSync;

  beforeAll(async () => {
    database = await seededDatabase();
    // Another bot process: its own connection pool, so its own remembered seasons (PGlite has one process only).
    other = database.url ? await openDatabase({ url: database.url }) : undefined;
    sync = new LiveSync(database.db, await buildIndexes(database.db), noPosts, silent);
    await sync.start();
  });

  afterAll(async () => {
    await sync?.stop();
    await other?.close();
    await database?.close();
  });

  test("GIVEN season 32 remembered WHEN another process changes its trophy and announces it THEN the next lookup shows it, with no refresh job running", async () => {
    const before = await getSeasonOverview(database.db, 32);
    const writer = other?.db ?? database.db;
    const season32 = and(eq(seasons.franchise, "dwts-us"), eq(seasons.number, 32));
    await writer.update(seasons).set({ trophy: "The Len Goodman Mirrorball Trophy (edited)" }).where(season32);
    // Not announced yet: still the remembered answer.
    expect((await getSeasonOverview(database.db, 32)).trophy).toBe(before.trophy);
    await announceChange(writer);
    await vi.waitFor(
      async () =>
        expect((await getSeasonOverview(database.db, 32)).trophy).toBe("The Len Goodman Mirrorball Trophy (edited)"),
      { timeout: 20_000, interval: 20 },
    );
  });
});
