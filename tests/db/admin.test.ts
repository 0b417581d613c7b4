import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { addDance, newSeason, setExits, upsertCouple, upsertNight } from "../../src/admin/edits.js";
import { LiveSync } from "../../src/admin/live.js";
import {
  applyDocument,
  cancelImport,
  changeSeason,
  confirmImport,
  editLiveSeason,
  stageImport,
} from "../../src/admin/seasons.js";
import { nightPoster } from "../../src/commands/leaderboard/nightPost.js";
import { defaultDataDir } from "../../src/data/loadSeasonFiles.js";
import type { SeasonFile } from "../../src/data/seasonFile.js";
import { listAudit } from "../../src/db/queries/audit.js";
import { setResultsChannel, setSpoilerHours } from "../../src/db/queries/guilds.js";
import { castVote, closePoll, createPoll, pickHistory, setPollMessage } from "../../src/db/queries/polls/index.js";
import { adminAudit, couples, liveSeasons, seasons } from "../../src/db/schema/index.js";
import { buildIndexes } from "../../src/lookups/indexes.js";
import { getLeaderboard } from "../../src/lookups/leaderboard.js";
import { getWeekResults } from "../../src/lookups/results.js";
import { getSeasonOverview } from "../../src/lookups/season.js";
import { predictionPoll } from "../../src/polls/prediction.js";
import { seedSeasons } from "../../src/seed/seasons.js";
import type { Messenger, View } from "../../src/views/view.js";
import { engine, seededDatabase, type TestDatabase } from "../support/database.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(async () => database?.close());

const judges = ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"];
const owner = "900000000000000001";

function season40(): SeasonFile {
  let doc = newSeason({ season: 40, premiere: "2031-09-16", hosts: ["Alfonso Ribeiro"], judges });
  for (const [celebrity, pro] of [
    ["Ada One", "Val Chmerkovskiy"],
    ["Bo Two", "Emma Slater"],
    ["Cy Three", "Sasha Farber"],
  ] as const) {
    doc = upsertCouple(doc, { celebrity, pro });
  }
  doc = upsertNight(doc, { week: 1, airDate: "2031-09-16", theme: "Premiere", guestJudges: [] });
  for (const [i, celebrity] of ["Ada One", "Bo Two", "Cy Three"].entries()) {
    doc = addDance(doc, {
      week: 1,
      round: "regular",
      style: ["Tango", "Jive", "Waltz"][i] ?? null,
      song: null,
      artist: null,
      couples: [celebrity],
      scores: [7 + i, 7, 7],
    });
  }
  return doc;
}

class RecordingMessenger implements Messenger {
  sent: { channelId: string; view: View }[] = [];
  async send(channelId: string, view: View) {
    this.sent.push({ channelId, view });
    return String(this.sent.length);
  }
  async edit() {}
}

const coupleIds = async (number: number) => {
  const [row] = await database.db.select({ id: seasons.id }).from(seasons).where(eq(seasons.number, number));
  const rows = await database.db
    .select({ id: couples.id })
    .from(couples)
    .where(eq(couples.seasonId, row?.id ?? -1));
  return rows.map((r) => r.id).sort();
};

describe(`the live season path on ${engine}`, () => {
  test("GIVEN a file with mistakes WHEN imported THEN every problem names its place and nothing is stored", async () => {
    const bad = { ...season40(), weeks: [{ ...season40().weeks[0], airDate: "16/09/2031" }] };
    const attempt = stageImport(database.db, { fileName: "season-40.json", text: JSON.stringify(bad), userId: owner });
    await expect(attempt).rejects.toThrow(
      /^Nothing was changed: season-40.json has 1 problem.*\n• weeks\[0\]\.airDate must be a date written YYYY-MM-DD/s,
    );
    await expect(
      stageImport(database.db, { fileName: "season-40.json", text: "{ nope", userId: owner }),
    ).rejects.toThrow(/is not valid JSON/);
    expect(await database.db.select().from(liveSeasons).where(eq(liveSeasons.season, 40))).toEqual([]);
  });

  test("GIVEN a valid file WHEN staged and confirmed THEN the dry run lists it and the season is in every lookup", async () => {
    const dry = await stageImport(database.db, {
      fileName: "season-40.json",
      text: JSON.stringify(season40()),
      userId: owner,
    });
    expect(dry.changes).toEqual(["New season 40: 3 couples, 1 week, 3 dances."]);
    expect(dry.replacesData).toBe(false);
    const outcome = await confirmImport(database.db, { id: dry.id, userId: owner });
    expect(outcome).toMatchObject({ season: 40, revision: 1, loaded: true, completedNights: [1] });
    const board = await getLeaderboard(database.db, {});
    expect(board.sheet.season).toBe(40);
    await expect(confirmImport(database.db, { id: dry.id, userId: owner })).rejects.toThrow(/already applied/);
  });

  test("GIVEN a dry run WHEN the season changes before Confirm THEN the stale import is refused", async () => {
    const doc = upsertCouple(season40(), { celebrity: "Di Four", pro: "Jenna Johnson" });
    const dry = await stageImport(database.db, {
      fileName: "season-40.json",
      text: JSON.stringify(doc),
      userId: owner,
    });
    expect(dry.changes).toEqual(["couple added: Di Four & Jenna Johnson"]);
    await editLiveSeason(database.db, {
      season: 40,
      userId: owner,
      action: "couple",
      edit: (d) => upsertCouple(d, { celebrity: "Ed Five", pro: "Alan Bersten" }),
    });
    await expect(confirmImport(database.db, { id: dry.id, userId: owner })).rejects.toThrow(
      /changed since this dry run/,
    );
    // The refused Confirm rolled back with its change: the dry run is still there to cancel.
    await expect(cancelImport(database.db, dry.id)).resolves.toMatchObject({ fileName: "season-40.json" });
  });

  test("GIVEN a correction WHEN applied THEN couple ids stay and the audit log says who changed what", async () => {
    const before = await coupleIds(40);
    await editLiveSeason(database.db, {
      season: 40,
      userId: owner,
      action: "eliminate",
      edit: (d) => setExits(d, { week: 1, couples: ["Bo Two"], outcome: "eliminated" }),
    });
    expect(await coupleIds(40)).toEqual(before);
    const [latest] = await listAudit(database.db, { season: 40, limit: 1 });
    expect(latest).toMatchObject({ userId: owner, action: "eliminate", revision: 3 });
    expect(latest?.changes).toContain("week 1: results Bo Two eliminated");
  });

  test("GIVEN an edit that breaks a rule WHEN applied THEN nothing of it is stored, not even the audit", async () => {
    const audits = (await database.db.select().from(adminAudit)).length;
    const attempt = editLiveSeason(database.db, {
      season: 40,
      userId: owner,
      action: "night",
      edit: (d) => upsertNight(d, { week: 2, airDate: "2031-01-01", theme: null, guestJudges: [] }),
    });
    await expect(attempt).rejects.toThrow(/weeks\[1\]\.airDate 2031-01-01 \(week 2\) is before week 1/);
    expect((await database.db.select().from(adminAudit)).length).toBe(audits);
    const [live] = await database.db.select().from(liveSeasons).where(eq(liveSeasons.season, 40));
    expect(live?.revision).toBe(3);
  });

  test("GIVEN data/ season 32 WHEN imported unchanged THEN the dry run says it takes the season over", async () => {
    const text = await readFile(join(defaultDataDir, "season-32.json"), "utf8");
    const dry = await stageImport(database.db, { fileName: "season-32.json", text, userId: owner });
    expect(dry.replacesData).toBe(true);
    expect(dry.changes).toEqual([]);
  });

  test("GIVEN season 32 only in data/ and a closed poll on week 5 WHEN an owner records week 5's elimination THEN the file is taken over and results, cast and points agree", async () => {
    const guildId = "700000000000000099";
    const asked = await predictionPoll(database.db, { kind: "elimination", season: 32, week: 5 });
    const { poll, options } = await createPoll(database.db, {
      ...asked,
      guildId,
      channelId: "700000000000000098",
      creatorId: owner,
      closesAt: new Date(Date.now() + 60_000),
    });
    await setPollMessage(database.db, poll.id, "700000000000000097");
    const pick = (name: string) => options.find((o) => o.label.startsWith(name))?.position ?? -1;
    for (const [userId, name] of [
      ["700000000000000001", "Mira Sorvino"],
      ["700000000000000002", "Harry Jowsey"],
    ] as const) {
      await castVote(database.db, {
        pollId: poll.id,
        messageId: "700000000000000097",
        userId,
        position: pick(name),
        guildId,
      });
    }
    await closePoll(database.db, poll.id, "test");

    const outcome = await editLiveSeason(database.db, {
      season: 32,
      userId: owner,
      action: "eliminate",
      edit: (d) => setExits(d, { week: 5, couples: ["Harry Jowsey"], outcome: "eliminated" }),
    });
    expect(outcome.revision).toBe(1);
    expect(outcome.changes[0]).toBe("Harry Jowsey: Eliminated Week 9 → Eliminated Week 5, placement 6 → 10");
    expect(outcome.changes.at(-1)).toMatch(/^Taken over from data\/seasons\/season-32\.json: run from Discord/);
    expect(outcome.changes).toContain("week 5: results Alyson Hannigan bottom, Harry Jowsey eliminated");
    const [audit] = await listAudit(database.db, { season: 32, limit: 1 });
    expect(audit).toMatchObject({ action: "eliminate", revision: 1, changes: outcome.changes });

    const week5 = await getWeekResults(database.db, { season: 32, week: 5 });
    expect(week5.eliminated.map((c) => c.celebrity)).toEqual(["Harry Jowsey"]);
    const cast = (await getSeasonOverview(database.db, 32)).cast;
    expect(cast.find((c) => c.celebrity === "Harry Jowsey")?.exitWeek).toBe(5);
    const points = async (userId: string) =>
      (await pickHistory(database.db, { guildId, userId, seasonId: null, limit: 1 }))[0]?.points;
    expect([await points("700000000000000001"), await points("700000000000000002")]).toEqual([0, 1]);

    // From now on data/ leaves season 32 alone.
    const text = await readFile(join(defaultDataDir, "season-32.json"), "utf8");
    const report = await seedSeasons(database.db, {
      files: [{ file: "season-32.json", hash: "x", season: JSON.parse(text) }],
      force: true,
    });
    expect(report.live).toEqual([32]);
    expect((await getWeekResults(database.db, { season: 32, week: 5 })).eliminated.map((c) => c.celebrity)).toEqual([
      "Harry Jowsey",
    ]);
  });

  test("GIVEN two bot processes WHEN one changes the season THEN the other is told at once, and one that missed it catches up on its next tick", async () => {
    const logger = pino({ level: "silent" });
    const [mine, theirs, late] = await Promise.all([
      buildIndexes(database.db),
      buildIndexes(database.db),
      buildIndexes(database.db),
    ]);
    const here = new LiveSync(database.db, mine, nightPoster(new RecordingMessenger()), logger);
    const there = new LiveSync(database.db, theirs, nightPoster(new RecordingMessenger()), logger);
    // A process whose notification was lost: it never listens, only its refresh job runs.
    const deaf = new LiveSync(database.db, late, nightPoster(new RecordingMessenger()), logger);
    await Promise.all([here.start(), there.start()]);
    try {
      const outcome = await editLiveSeason(database.db, {
        season: 40,
        userId: owner,
        action: "couple",
        edit: (d) => upsertCouple(d, { celebrity: "Fay Six", pro: "Daniella Karagach" }),
      });
      await here.changed(outcome);
      expect(mine.names.resolve("Fay Six").entry.season).toBe(40);
      await vi.waitFor(() => expect(theirs.names.resolve("Fay Six").entry.season).toBe(40), { timeout: 10_000 });
      expect(() => late.names.resolve("Fay Six")).toThrow();
      await deaf.tick();
      expect(late.names.resolve("Fay Six").entry.season).toBe(40);
    } finally {
      await Promise.all([here.stop(), there.stop()]);
    }
  });

  test("GIVEN a server with a 3-hour spoiler guard WHEN a night's scores complete THEN its leaderboard waits for the guard", async () => {
    const logger = pino({ level: "silent" });
    const messenger = new RecordingMessenger();
    const live = new LiveSync(database.db, await buildIndexes(database.db), nightPoster(messenger), logger);
    await setResultsChannel(database.db, {
      guildId: "700000000000000001",
      channelId: "700000000000000011",
      setBy: owner,
    });
    await setResultsChannel(database.db, {
      guildId: "700000000000000002",
      channelId: "700000000000000022",
      setBy: owner,
    });
    await setSpoilerHours(database.db, "700000000000000002", 3);
    const base = (
      await changeSeason(database.db, {
        season: 41,
        userId: owner,
        action: "import",
        edit: () => ({ ...season40(), season: 41, weeks: [] }),
      })
    ).document;
    const scored = season40().weeks;
    const outcome = await applyDocument(database.db, {
      document: { ...base, weeks: scored },
      userId: owner,
      action: "import",
    });
    // 8 pm Eastern on the night it aired, then three hours later.
    const airing = new Date("2031-09-17T00:30:00Z");
    await live.changed(outcome, airing);
    expect(messenger.sent.map((s) => s.channelId)).toEqual(["700000000000000011"]);
    expect(messenger.sent[0]?.view.content).toBe("Season 41 week 1: the judges' scores are in.");
    expect(messenger.sent[0]?.view.components).toEqual([]);
    await live.tick(new Date("2031-09-17T02:00:00Z"));
    expect(messenger.sent).toHaveLength(1);
    await live.tick(new Date("2031-09-17T03:00:00Z"));
    expect(messenger.sent.map((s) => s.channelId)).toEqual(["700000000000000011", "700000000000000022"]);
    // Posted once per server and night, whatever happens next.
    await live.tick(new Date("2031-09-18T03:00:00Z"));
    expect(messenger.sent).toHaveLength(2);
  });
});
