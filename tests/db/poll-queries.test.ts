import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { setExits } from "../../src/admin/edits.js";
import { editLiveSeason } from "../../src/admin/seasons.js";
import type { LoadedSeasonFile } from "../../src/data/loadSeasonFiles.js";
import { readSeasonFiles } from "../../src/data/loadSeasonFiles.js";
import type { DatabaseHandle } from "../../src/db/client.js";
import {
  advanceSchedule,
  castVote,
  castVotes,
  claimTallyEdit,
  closeDuePolls,
  closePoll,
  countVotes,
  createPoll,
  dueSchedules,
  type NewPoll,
  pickHistory,
  predictionBoard,
  saveSchedule,
  setPollMessage,
} from "../../src/db/queries/polls/index.js";
import { polls, predictionLedger } from "../../src/db/schema/index.js";
import { predictionPoll } from "../../src/polls/prediction.js";
import { resolvePoll } from "../../src/polls/resolve.js";
import { changePollSettings, pollSettings } from "../../src/polls/settings.js";
import { seedAndScore } from "../../src/seed/index.js";
import { seedSeasons } from "../../src/seed/seasons.js";
import { engine, freshDatabase } from "../support/database.js";

let database: DatabaseHandle;
let season32: LoadedSeasonFile;
const guildId = "100000000000000001";

/** A season in progress: season 32's cast as season 90, before any week aired. */
function inProgress(weeks: LoadedSeasonFile["season"]["weeks"] = []): LoadedSeasonFile {
  const season = structuredClone(season32.season);
  season.season = 90;
  season.weeks = weeks;
  season.couples = season.couples.map((c) => ({ ...c, placement: null, exitWeek: null, result: "In the competition" }));
  return { file: "season-90.json", hash: `in-progress-${weeks.length}`, season };
}

beforeAll(async () => {
  database = await freshDatabase();
  const files = await readSeasonFiles();
  season32 = files.find((f) => f.season.season === 32) as LoadedSeasonFile;
  await seedSeasons(database.db, { files: [season32, inProgress()] });
});
afterAll(async () => database?.close());

let messageCounter = 0;
async function openPoll(input: Partial<NewPoll> & Pick<NewPoll, "options">, closesInMs = 60_000) {
  const { poll, options } = await createPoll(database.db, {
    guildId,
    channelId: "200000000000000001",
    creatorId: "300000000000000001",
    kind: "custom",
    question: "Test?",
    closesAt: new Date(Date.now() + closesInMs),
    ...input,
  });
  const messageId = String(400000000000000000n + BigInt(++messageCounter));
  await setPollMessage(database.db, poll.id, messageId);
  return { poll: { ...poll, messageId }, options };
}
const vote = (pollId: number, messageId: string, userId: string, position: number) =>
  castVote(database.db, { pollId, messageId, userId, position, guildId });
const user = (i: number) => String(500000000000000000n + BigInt(i));

describe(`prediction polls from the records (${engine})`, () => {
  test("GIVEN season 32 is over WHEN a Mirrorball poll is built THEN its answers are the five finalists", async () => {
    const asked = await predictionPoll(database.db, { kind: "mirrorball", season: 32 });
    expect(asked.options.map((o) => o.label).sort()).toEqual([
      "Alyson Hannigan & Sasha Farber",
      "Ariana Madix & Pasha Pashkov",
      "Charity Lawson & Artem Chigvintsev",
      "Jason Mraz & Daniella Karagach",
      "Xochitl Gomez & Val Chmerkovskiy",
    ]);
  });

  test("GIVEN a replay of season 32 week 5 WHEN its elimination poll is built THEN it offers the couples still dancing that week", async () => {
    const asked = await predictionPoll(database.db, { kind: "elimination", season: 32, week: 5 });
    const labels = asked.options.map((o) => o.label);
    expect(labels).toContain("Mira Sorvino & Gleb Savchenko");
    expect(labels).not.toContain("Adrian Peterson & Britt Stewart");
    expect(asked.week).toBe(5);
  });

  test("GIVEN a season that has not aired yet WHEN a Mirrorball poll is built THEN the whole cast is offered, as week 1", async () => {
    const asked = await predictionPoll(database.db, { kind: "mirrorball", season: 90 });
    expect(asked.options).toHaveLength(season32.season.couples.length);
    expect(asked.week).toBe(1);
  });

  test("GIVEN a finished season WHEN an elimination poll is asked without a week THEN the refusal says how to replay", async () => {
    await expect(predictionPoll(database.db, { kind: "elimination", season: 32 })).rejects.toThrow(/week:3/);
  });
});

describe(`votes committed together (${engine})`, () => {
  test("GIVEN votes on two polls, one closed, one forged and one changed WHEN written in one statement THEN each gets its own answer", async () => {
    const open = await openPoll({ options: [{ label: "Yes" }, { label: "No" }] });
    const other = await openPoll({ options: [{ label: "Red" }, { label: "Blue" }] });
    const closed = await openPoll({ options: [{ label: "Up" }, { label: "Down" }] });
    await closePoll(database.db, closed.poll.id, "test");
    await vote(open.poll.id, open.poll.messageId, user(1), 0);
    const at = (p: { poll: { id: number; messageId: string } }, userId: string, position: number) => ({
      pollId: p.poll.id,
      messageId: p.poll.messageId,
      userId,
      position,
      guildId,
    });
    const results = await castVotes(database.db, [
      at(open, user(1), 1),
      at(open, user(2), 0),
      at(other, user(1), 1),
      at(closed, user(3), 0),
      { ...at(open, user(4), 0), messageId: "1" },
      at(open, user(5), 9),
    ]);
    expect(results).toEqual([
      { stored: true, label: "No", closesAt: expect.any(Date), changed: true },
      { stored: true, label: "Yes", closesAt: expect.any(Date), changed: false },
      { stored: true, label: "Blue", closesAt: expect.any(Date), changed: false },
      { stored: false, reason: "closed" },
      { stored: false, reason: "foreign" },
      { stored: false, reason: "option" },
    ]);
    expect(Object.fromEntries(await countVotes(database.db, open.poll.id))).toEqual({ 0: 1, 1: 1 });
    expect(Object.fromEntries(await countVotes(database.db, other.poll.id))).toEqual({ 1: 1 });
    expect(await countVotes(database.db, closed.poll.id)).toEqual(new Map());
  });

  test("GIVEN batches of votes racing a close WHEN both finish THEN every vote accepted is counted and no later one", async () => {
    const { poll } = await openPoll({ options: [{ label: "Yes" }, { label: "No" }] });
    const batch = (from: number) =>
      castVotes(
        database.db,
        Array.from({ length: 50 }, (_, i) => ({
          pollId: poll.id,
          messageId: poll.messageId,
          userId: user(from + i),
          position: 1,
          guildId,
        })),
      );
    const batches = [batch(0), batch(100), batch(200)];
    const closing = closePoll(database.db, poll.id, "test");
    const accepted = (await Promise.all(batches)).flat().filter((r) => r.stored).length;
    await closing;
    const after = await batch(300);
    expect(after.every((r) => !r.stored)).toBe(true);
    expect((await countVotes(database.db, poll.id)).get(1) ?? 0).toBe(accepted);
  });
});

describe(`votes (${engine})`, () => {
  test("GIVEN an open poll WHEN a member votes then changes their vote THEN one vote is kept, the latest", async () => {
    const { poll } = await openPoll({ options: [{ label: "Yes" }, { label: "No" }] });
    expect(await vote(poll.id, poll.messageId, user(1), 0)).toMatchObject({
      stored: true,
      label: "Yes",
      changed: false,
    });
    expect(await vote(poll.id, poll.messageId, user(1), 1)).toMatchObject({ stored: true, label: "No", changed: true });
    expect(Object.fromEntries(await countVotes(database.db, poll.id))).toEqual({ 1: 1 });
  });

  test("GIVEN 300 members voting at once WHEN stored THEN every vote counts once", async () => {
    const { poll } = await openPoll({ options: [{ label: "A" }, { label: "B" }, { label: "C" }] });
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => vote(poll.id, poll.messageId, user(i), i % 3)),
    );
    expect(results.every((r) => r.stored)).toBe(true);
    expect(Object.fromEntries(await countVotes(database.db, poll.id))).toEqual({ 0: 100, 1: 100, 2: 100 });
  });

  test.each([
    ["closed", async (p: { id: number; messageId: string }) => void (await closePoll(database.db, p.id, "test")), 0],
    ["option", async () => {}, 7],
  ] as const)(
    "GIVEN a poll WHEN a vote is %s THEN it is refused with that reason",
    async (reason, prepare, position) => {
      const { poll } = await openPoll({ options: [{ label: "Yes" }, { label: "No" }] });
      await prepare(poll);
      expect(await vote(poll.id, poll.messageId, user(1), position)).toEqual({ stored: false, reason });
    },
  );

  test("GIVEN a vote forged for another server, another message or no poll WHEN cast THEN it is refused", async () => {
    const { poll } = await openPoll({ options: [{ label: "Yes" }, { label: "No" }] });
    const base = { pollId: poll.id, messageId: poll.messageId, userId: user(1), position: 0, guildId };
    expect(await castVote(database.db, { ...base, guildId: "100000000000000999" })).toEqual({
      stored: false,
      reason: "foreign",
    });
    expect(await castVote(database.db, { ...base, messageId: "1" })).toEqual({ stored: false, reason: "foreign" });
    expect(await castVote(database.db, { ...base, pollId: 999_999 })).toEqual({ stored: false, reason: "unknown" });
  });

  test("GIVEN a poll whose deadline passed but nobody closed it yet WHEN a late vote arrives THEN it is refused as closed", async () => {
    const { poll } = await openPoll({ options: [{ label: "Yes" }, { label: "No" }] }, 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await vote(poll.id, poll.messageId, user(1), 0)).toEqual({ stored: false, reason: "closed" });
  });

  test("GIVEN votes racing a close WHEN both finish THEN every vote that was accepted is in the final count", async () => {
    const { poll } = await openPoll({ options: [{ label: "Yes" }, { label: "No" }] });
    const votes = Array.from({ length: 100 }, (_, i) => vote(poll.id, poll.messageId, user(i), 0));
    const closing = closePoll(database.db, poll.id, "test");
    const accepted = (await Promise.all(votes)).filter((r) => r.stored).length;
    await closing;
    expect((await countVotes(database.db, poll.id)).get(0) ?? 0).toBe(accepted);
  });
});

describe(`closing (${engine})`, () => {
  test("GIVEN ten closers at once WHEN they close the same poll THEN exactly one gets it", async () => {
    const { poll } = await openPoll({ options: [{ label: "Yes" }, { label: "No" }] });
    const closed = await Promise.all(Array.from({ length: 10 }, () => closePoll(database.db, poll.id, "test")));
    expect(closed.filter(Boolean)).toHaveLength(1);
  });

  test("GIVEN polls past their deadline WHEN two closer loops run at once THEN each poll is closed by exactly one", async () => {
    const due = await Promise.all(
      Array.from({ length: 6 }, () => openPoll({ options: [{ label: "A" }, { label: "B" }] }, 1)),
    );
    await new Promise((r) => setTimeout(r, 20));
    const [a, b] = await Promise.all([closeDuePolls(database.db), closeDuePolls(database.db)]);
    const ids = [...(a ?? []), ...(b ?? [])].map((p) => p.id).filter((id) => due.some((d) => d.poll.id === id));
    expect(ids.sort()).toEqual(due.map((d) => d.poll.id).sort());
  });

  test("GIVEN an open poll WHEN its tally redraw is claimed twice THEN the second must wait, and a closed poll is never redrawn", async () => {
    const { poll } = await openPoll({ options: [{ label: "A" }, { label: "B" }] });
    expect(await claimTallyEdit(database.db, poll.id, 2_000)).toBe(0);
    expect(await claimTallyEdit(database.db, poll.id, 2_000)).toBeGreaterThan(0);
    await closePoll(database.db, poll.id, "test");
    expect(await claimTallyEdit(database.db, poll.id, 2_000)).toBeNull();
  });
});

describe(`resolution and scoring (${engine})`, () => {
  test("GIVEN a closed week 5 replay WHEN resolved THEN right pickers score, and an owner's correction appends reversals", async () => {
    const asked = await predictionPoll(database.db, { kind: "elimination", season: 32, week: 5 });
    const { poll, options } = await openPoll({ ...asked, guildId });
    const mira = options.find((o) => o.label.startsWith("Mira Sorvino"))?.position ?? -1;
    const other = options.find((o) => o.label.startsWith("Harry Jowsey"))?.position ?? -1;
    for (let i = 0; i < 6; i++) await vote(poll.id, poll.messageId, user(1000 + i), i < 4 ? mira : other);
    await closePoll(database.db, poll.id, "test");
    expect(await resolvePoll(database.db, poll.id)).toMatchObject({ entries: 4, correctVoters: 4 });
    expect(await resolvePoll(database.db, poll.id)).toMatchObject({ entries: 0 });

    const ledgerOf = () =>
      database.db
        .select()
        .from(predictionLedger)
        .where(eq(predictionLedger.pollId, poll.id))
        .orderBy(predictionLedger.id);
    const scored = await ledgerOf();

    // The owners' correction, through the admin path: season 32 is taken over from data/ and re-scored.
    await editLiveSeason(database.db, {
      season: 32,
      userId: user(1),
      action: "eliminate",
      edit: (doc) => setExits(doc, { week: 5, couples: ["Harry Jowsey"], outcome: "eliminated" }),
    });
    const ledger = await ledgerOf();
    expect(ledger).toHaveLength(10);
    expect(ledger.slice(0, scored.length)).toEqual(scored);
    expect(ledger.filter((l) => l.reason === "reversal")).toHaveLength(4);
    const history = await pickHistory(database.db, { guildId, userId: user(1004), seasonId: null, limit: 10 });
    expect(history[0]).toMatchObject({ points: 1, resolved: true });
    expect(
      (await pickHistory(database.db, { guildId, userId: user(1000), seasonId: null, limit: 10 }))[0]?.points,
    ).toBe(0);
  });

  test("GIVEN a poll about week 1 of a season in progress WHEN data/ with week 1's result is seeded THEN seeding scores it", async () => {
    const asked = await predictionPoll(database.db, { kind: "elimination", season: 90 });
    const { poll, options } = await openPoll({ ...asked, guildId: "100000000000000002" });
    const matt = options.find((o) => o.label.startsWith("Matt Walsh"))?.position ?? -1;
    await castVote(database.db, {
      pollId: poll.id,
      messageId: poll.messageId,
      userId: user(1),
      position: matt,
      guildId: "100000000000000002",
    });
    await closePoll(database.db, poll.id, "test");
    expect(await resolvePoll(database.db, poll.id)).toBeNull();

    await seedAndScore(database.db, { files: [inProgress(season32.season.weeks.slice(0, 1))] });
    const [row] = await database.db.select().from(polls).where(eq(polls.id, poll.id));
    expect(row?.resolvedAt).not.toBeNull();
    const board = await predictionBoard(database.db, {
      guildId: "100000000000000002",
      seasonId: null,
      userId: user(1),
      offset: 0,
      limit: 10,
    });
    expect(board.me).toMatchObject({ points: 1, rank: 1 });
  });

  test("GIVEN 25 members with points WHEN the board's first page is asked by the 23rd THEN they see their rank off the page, ties stated", async () => {
    const board = "100000000000000003";
    const { poll } = await openPoll({ options: [{ label: "A" }, { label: "B" }], guildId: board });
    // Points 25..1 with two members tied on 20 points: the one who got there first ranks higher.
    const rows = Array.from({ length: 25 }, (_, i) => ({
      guildId: board,
      userId: user(2000 + i),
      pollId: poll.id,
      points: i === 6 ? 20 : 25 - i,
      reason: "correct pick",
      createdAt: new Date(Date.UTC(2024, 0, 1, 0, i)),
    }));
    await database.db.insert(predictionLedger).values(rows);
    const result = await predictionBoard(database.db, {
      guildId: board,
      seasonId: null,
      userId: user(2022),
      offset: 0,
      limit: 10,
    });
    expect(result.members).toBe(25);
    expect(result.standings).toHaveLength(10);
    expect(result.standings.slice(5, 7).map((s) => [s.userId, s.rank])).toEqual([
      [user(2005), 6],
      [user(2006), 7],
    ]);
    expect(result.me).toMatchObject({ userId: user(2022), rank: 23, points: 3 });
  });
});

describe(`settings and schedules (${engine})`, () => {
  test("GIVEN a server with no settings WHEN read THEN the defaults apply; WHEN changed THEN only the given ones change", async () => {
    expect(await pollSettings(database.db, "100000000000000010")).toMatchObject({
      eliminationPoints: 1,
      mirrorballPoints: 10,
      managerRoleId: null,
    });
    await changePollSettings(database.db, "100000000000000010", { eliminationPoints: 2 });
    await changePollSettings(database.db, "100000000000000010", { managerRoleId: "600000000000000001" });
    expect(await pollSettings(database.db, "100000000000000010")).toMatchObject({
      eliminationPoints: 2,
      mirrorballFloor: 3,
      managerRoleId: "600000000000000001",
    });
  });

  test("GIVEN a schedule whose posting window opened WHEN two processes advance it THEN only one wins the week", async () => {
    const nextAirAt = new Date(Date.now() + 3_600_000);
    await saveSchedule(database.db, {
      guildId: "100000000000000011",
      channelId: "200000000000000011",
      weekday: 2,
      airTime: "20:00",
      timeZone: "America/New_York",
      leadMinutes: 1440,
      season: null,
      nextAirAt,
      setBy: user(1),
    });
    expect((await dueSchedules(database.db)).map((s) => s.guildId)).toContain("100000000000000011");
    const next = new Date(nextAirAt.getTime() + 7 * 86_400_000);
    const won = await Promise.all([
      advanceSchedule(database.db, "100000000000000011", nextAirAt, next),
      advanceSchedule(database.db, "100000000000000011", nextAirAt, next),
    ]);
    expect(won.filter(Boolean)).toHaveLength(1);
    expect((await dueSchedules(database.db)).map((s) => s.guildId)).not.toContain("100000000000000011");
    const [n] = await database.db
      .execute(sql`select 1`)
      .then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows));
    expect(n).toBeDefined();
  });
});
