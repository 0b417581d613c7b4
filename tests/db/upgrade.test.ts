import { and, asc, eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setScores } from "../../src/admin/edits.js";
import { editLiveSeason } from "../../src/admin/seasons.js";
import { type LoadedSeasonFile, parseSeasonFile, readSeasonFiles } from "../../src/data/loadSeasonFiles.js";
import type { Database, DatabaseHandle } from "../../src/db/client.js";
import { type AuditEntry, listAudit } from "../../src/db/queries/audit.js";
import { getBotState } from "../../src/db/queries/botState.js";
import { getLiveSeason } from "../../src/db/queries/liveSeasons.js";
import { castVote, closePoll, createPoll, setPollMessage } from "../../src/db/queries/polls/index.js";
import {
  botState,
  couples,
  judgeScores,
  people,
  performances,
  pollOptions,
  predictionLedger,
  seasons,
  weeks,
} from "../../src/db/schema/index.js";
import { predictionPoll } from "../../src/polls/prediction.js";
import { resolvePoll } from "../../src/polls/resolve.js";
import { bringInRelease, prepareDatabase } from "../../src/seed/prepare.js";
import { seedSeasons } from "../../src/seed/seasons.js";
import { engine, freshDatabase, type TestDatabase } from "../support/database.js";

/**
 * A server that installed the first release keeps its database: it has no season 35, season 34 has its weeks but no
 * dances, and the owners run season 33 from Discord. Today's release starts on it.
 */

const owner = "900000000000000001";
const guildId = "100000000000000001";

let current: LoadedSeasonFile[];
let firstRelease: TestDatabase;
const opened: DatabaseHandle[] = [];
let pollId: number;
let ledgerBefore: unknown[];
let couples34Before: Map<number, number>;
let season33Before: unknown;
let showDataVersionBefore: string | null;

/** Season 34 as the first release shipped it: every week, no dance in any. */
function withoutDances(file: LoadedSeasonFile): LoadedSeasonFile {
  const season = structuredClone(file.season);
  season.weeks = season.weeks.map((w) => ({ ...w, performances: [] }));
  return parseSeasonFile(file.file, `${JSON.stringify(season, null, 2)}\n`);
}

/** What a logger printed, one object a line. */
function recordingLogger() {
  const lines: { msg: string; season?: number; changes?: string[] }[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

/** Today's main starting on the database as it is: the same PostgreSQL database, or a copy of the embedded one. */
async function start(from: DatabaseHandle, logger: ReturnType<typeof recordingLogger>["logger"]) {
  const handle = firstRelease.url
    ? await prepareDatabase({ url: firstRelease.url }, logger)
    : await prepareDatabase({ pgliteDir: "memory://", pgliteDump: await from.dump?.() }, logger);
  opened.push(handle);
  return handle;
}

const fileOf = (season: number) => current.find((f) => f.season.season === season) as LoadedSeasonFile;
const dancesIn = (file: LoadedSeasonFile) => file.season.weeks.reduce((n, w) => n + w.performances.length, 0);

async function seasonId(db: Database, number: number): Promise<number | undefined> {
  const [row] = await db.select({ id: seasons.id }).from(seasons).where(eq(seasons.number, number));
  return row?.id;
}

/** Each couple's id by celebrity: the ids posted poll buttons point at. */
async function coupleIds(db: Database, number: number): Promise<Map<number, number>> {
  const rows = await db
    .select({ id: couples.id, celebrity: couples.celebrityId })
    .from(couples)
    .where(eq(couples.seasonId, (await seasonId(db, number)) ?? -1));
  return new Map(rows.map((r) => [r.celebrity, r.id]));
}

/** A season's weeks, dances and judges' scores, and its couples as stored. */
async function seasonRecords(db: Database, number: number) {
  const id = (await seasonId(db, number)) ?? -1;
  const weekRows = await db
    .select({ week: weeks.number, label: weeks.label, theme: weeks.theme })
    .from(weeks)
    .where(eq(weeks.seasonId, id))
    .orderBy(asc(weeks.number), asc(weeks.label));
  const dances = await db
    .select({
      week: weeks.number,
      label: weeks.label,
      dance: performances.position,
      style: performances.style,
      judge: people.name,
      score: judgeScores.score,
    })
    .from(performances)
    .innerJoin(weeks, eq(weeks.id, performances.weekId))
    .leftJoin(judgeScores, eq(judgeScores.performanceId, performances.id))
    .leftJoin(people, eq(people.id, judgeScores.judgeId))
    .where(eq(weeks.seasonId, id))
    .orderBy(asc(weeks.number), asc(weeks.label), asc(performances.position), asc(judgeScores.position));
  const cast = await db
    .select({ id: couples.id, placement: couples.placement, exitWeek: couples.exitWeek, result: couples.result })
    .from(couples)
    .where(eq(couples.seasonId, id))
    .orderBy(asc(couples.id));
  return { weeks: weekRows, dances, cast };
}

const releaseEntries = async (db: Database): Promise<AuditEntry[]> =>
  (await listAudit(db, { season: null, limit: 100 })).filter((e) => e.action === "release");

const ledgerOf = (db: Database) =>
  db.select().from(predictionLedger).where(eq(predictionLedger.pollId, pollId)).orderBy(asc(predictionLedger.id));

beforeAll(async () => {
  current = await readSeasonFiles();
  firstRelease = await freshDatabase();
  const db = firstRelease.db;
  const older = current
    .filter((f) => f.season.season !== 35)
    .map((f) => (f.season.season === 34 ? withoutDances(f) : f));
  await seedSeasons(db, { files: older });

  // The owners corrected season 33 from Discord: it is theirs from now on.
  await editLiveSeason(db, {
    season: 33,
    userId: owner,
    action: "scores",
    edit: (doc) => setScores(doc, { week: 1, couple: "Joey Graziadei", scores: [8, 8, 8] }),
  });

  // A closed, scored elimination poll about season 34, its buttons pointing at the couples' ids.
  const asked = await predictionPoll(db, { kind: "elimination", season: 34, week: 3 });
  const { poll, options } = await createPoll(db, {
    ...asked,
    guildId,
    channelId: "200000000000000001",
    creatorId: "300000000000000001",
    closesAt: new Date(Date.now() + 60_000),
  });
  pollId = poll.id;
  await setPollMessage(db, poll.id, "400000000000000001");
  const lauren = options.find((o) => o.label.startsWith("Lauren Jauregui"))?.position ?? -1;
  const other = options.find((o) => o.label.startsWith("Robert Irwin"))?.position ?? -1;
  for (let i = 0; i < 5; i++) {
    const position = i < 3 ? lauren : other;
    await castVote(db, {
      pollId,
      messageId: "400000000000000001",
      userId: String(500000000000000000n + BigInt(i)),
      position,
      guildId,
    });
  }
  await closePoll(db, poll.id, "test");
  expect(await resolvePoll(db, poll.id)).toMatchObject({ entries: 3, correctVoters: 3 });

  ledgerBefore = await ledgerOf(db);
  couples34Before = await coupleIds(db, 34);
  season33Before = { records: await seasonRecords(db, 33), live: await getLiveSeason(db, 33) };
  showDataVersionBefore = await getBotState(db, "live:indexes");
  // The first release's database: no season 35, season 34 without a dance.
  expect(await seasonId(db, 35)).toBeUndefined();
  expect((await seasonRecords(db, 34)).dances).toEqual([]);
});

afterAll(async () => {
  for (const handle of opened) await handle.close();
  await firstRelease?.close();
});

describe(`a database from an earlier release (${engine})`, () => {
  let upgraded: DatabaseHandle;
  let lines: ReturnType<typeof recordingLogger>["lines"];
  beforeAll(async () => {
    const recording = recordingLogger();
    lines = recording.lines;
    upgraded = await start(firstRelease, recording.logger);
  });

  test("GIVEN the first release's database WHEN today's release starts on it THEN season 35 is there with its weeks and season 34 has its dances", async () => {
    const db = upgraded.db;

    const season35 = await seasonRecords(db, 35);
    expect(season35.weeks.map((w) => w.week)).toEqual(fileOf(35).season.weeks.map((w) => w.week));
    expect(season35.cast).toHaveLength(fileOf(35).season.couples.length);
    const dances35 = new Set(season35.dances.map((d) => `${d.week}/${d.label}/${d.dance}`));
    expect(dances35.size).toBe(dancesIn(fileOf(35)));
    const dances34 = new Set((await seasonRecords(db, 34)).dances.map((d) => `${d.week}/${d.label}/${d.dance}`));
    expect(dances34.size).toBe(dancesIn(fileOf(34)));
    expect(dances34.size).toBeGreaterThan(100);
    // Processes still on the earlier release rebuild their lookups, and leagues re-score.
    expect(await getBotState(db, "live:indexes")).not.toBe(showDataVersionBefore);
  });

  test("GIVEN season 34's poll buttons WHEN the release loaded its dances THEN its couples keep their ids and the poll's score stands", async () => {
    expect(await coupleIds(upgraded.db, 34)).toEqual(couples34Before);
    const optionCouples = await upgraded.db
      .select({ coupleId: pollOptions.coupleId })
      .from(pollOptions)
      .where(eq(pollOptions.pollId, pollId));
    const ids = new Set(couples34Before.values());
    expect(optionCouples.length).toBeGreaterThan(2);
    for (const o of optionCouples) expect(ids.has(o.coupleId ?? -1)).toBe(true);
    // Re-scored from the reloaded season: the same result, so not one ledger entry more.
    expect(await ledgerOf(upgraded.db)).toEqual(ledgerBefore);
  });

  test("GIVEN season 33 run by the owners WHEN the release starts THEN it stays exactly as they left it", async () => {
    const db = upgraded.db;
    expect({ records: await seasonRecords(db, 33), live: await getLiveSeason(db, 33) }).toEqual(season33Before);
    const joey = (await seasonRecords(db, 33)).dances.filter((d) => d.week === 1 && d.dance === 0);
    expect(joey.map((d) => d.score)).toEqual([8, 8, 8]);
    expect((await listAudit(db, { season: 33, limit: 10 })).map((e) => e.action)).toEqual(["scores"]);
  });

  test("GIVEN the upgrade WHEN the owners read the audit log THEN seasons 34 and 35 each have one release entry, counts before and after", async () => {
    const entries = await releaseEntries(upgraded.db);
    expect(entries.map((e) => e.season).sort()).toEqual([34, 35]);
    for (const e of entries) expect(e).toMatchObject({ userId: "release", revision: 0, action: "release" });
    const of = (season: number) => entries.find((e) => e.season === season) as AuditEntry;
    expect(of(35).summary).toMatch(/^Season 35 loaded from data\/ \(release \d+\.\d+\.\d+\)$/);
    expect(of(35).changes[0]).toBe(of(35).summary);
    expect(of(35).changes[1]).toContain(`, ${fileOf(35).season.weeks.length} weeks, ${dancesIn(fileOf(35))} dances`);
    expect(of(34).summary).toMatch(/^Season 34 updated from data\/ \(release /);
    expect(of(34).changes).toContain(`Dances: 0 → ${dancesIn(fileOf(34))}`);
    expect(of(34).changes.some((c) => c.startsWith("Weeks"))).toBe(false);

    const logged = lines.filter((l) => l.season !== undefined).map((l) => l.msg);
    expect(logged.sort()).toEqual([of(34).summary, of(35).summary]);
  });

  test("GIVEN the upgraded database WHEN the bot starts again THEN nothing is loaded, changed or audited", async () => {
    const state = (db: Database) => db.select().from(botState).orderBy(asc(botState.key));
    const records = async (db: Database) => [await seasonRecords(db, 34), await seasonRecords(db, 35)];
    const before = { state: await state(upgraded.db), records: await records(upgraded.db) };

    const recording = recordingLogger();
    const again = await start(upgraded, recording.logger);
    // The same files' hashes, the same records, the same show-data version (no league re-scores, no rebuilds).
    expect({ state: await state(again.db), records: await records(again.db) }).toEqual(before);
    expect(await releaseEntries(again.db)).toHaveLength(2);
    expect(recording.lines.filter((l) => l.season !== undefined)).toEqual([]);
    // The step itself: season 33's file differs from the owners' document, and is left to them.
    expect(await bringInRelease(again.db, recording.logger)).toEqual({ installed: false, loaded: [], live: [33] });
    expect(await state(again.db)).toEqual(before.state);
    expect(await releaseEntries(again.db)).toHaveLength(2);
  });
});

describe(`a new installation (${engine})`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => database?.close());

  test("GIVEN an empty database WHEN the release is brought in THEN its seasons load, and the installation is not audited", async () => {
    const { logger, lines } = recordingLogger();
    const files = current.filter((f) => f.season.season >= 34);
    const report = await bringInRelease(database.db, logger, { files, release: "9.9.9" });
    expect(report).toEqual({ installed: true, loaded: [34, 35], live: [] });
    expect(await listAudit(database.db, { season: null, limit: 10 })).toEqual([]);
    expect(lines.map((l) => l.msg)).toEqual(["empty database: loaded data/"]);
    const [season35] = await database.db
      .select({ id: seasons.id })
      .from(seasons)
      .where(and(eq(seasons.franchise, "dwts-us"), eq(seasons.number, 35)));
    expect(season35).toBeDefined();
    expect(await bringInRelease(database.db, logger, { files })).toEqual({ installed: false, loaded: [], live: [] });
  });
});
