import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { jobsChannel, listen } from "../../src/db/notify.js";
import { setBotState } from "../../src/db/queries/botState.js";
import { nextClock, setLeagueMessage, startDraft } from "../../src/db/queries/leagues/index.js";
import { nextNightPostDue, queueNightPost } from "../../src/db/queries/nightPosts.js";
import {
  claimTallyEdit,
  closeDuePolls,
  createPoll,
  nextDeadline,
  nextScheduleDue,
  saveSchedule,
  setPollMessage,
} from "../../src/db/queries/polls/index.js";
import { createLeague } from "../../src/leagues/lifecycle.js";
import { engine, seededDatabase } from "../support/database.js";

let database: DatabaseHandle;
let unlisten: () => Promise<void>;
const heard: string[] = [];
const waiters: (() => void)[] = [];
const guildId = "100000000000000077";

beforeAll(async () => {
  database = await seededDatabase();
  unlisten = await listen(database.db, jobsChannel, (topic) => {
    heard.push(topic);
    for (const wake of waiters.splice(0)) wake();
  });
});
afterAll(async () => {
  await unlisten?.();
  await database?.close();
});

/** Waits until `count` notifications in all have arrived. */
async function heardAtLeast(count: number): Promise<string[]> {
  while (heard.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
  return heard.slice();
}

describe(`job wake-ups from the database's triggers (${engine})`, () => {
  test("GIVEN the bot listens for job wake-ups WHEN polls, schedules, leagues and the data version change THEN each change that brings work closer is announced once, at commit, and nothing else is", async () => {
    const closesAt = new Date(Date.now() + 3_600_000);
    const nextAirAt = new Date(Date.now() + 2 * 3_600_000);
    const { poll } = await createPoll(database.db, {
      guildId,
      channelId: "200000000000000077",
      creatorId: "300000000000000077",
      kind: "custom",
      question: "Wake?",
      closesAt,
      options: [{ label: "Yes" }, { label: "No" }],
    });
    // A tally edit and another bot_state key touch the same tables without bringing any job's work closer.
    await claimTallyEdit(database.db, poll.id, 1_000);
    await setBotState(database.db, "something else", "1");
    await setPollMessage(database.db, poll.id, "400000000000000077");
    await saveSchedule(database.db, {
      guildId,
      channelId: "200000000000000077",
      weekday: 2,
      airTime: "20:00",
      timeZone: "America/New_York",
      leadMinutes: 60,
      season: null,
      nextAirAt,
      setBy: "300000000000000077",
    });
    const league = await createLeague(database.db, {
      guildId,
      channelId: "200000000000000077",
      creatorId: "300000000000000077",
      name: "Wake-up league",
      season: 32,
      teamSize: 2,
      pickSeconds: 600,
    });
    await setLeagueMessage(database.db, league.id, "700000000000000077");
    await startDraft(database.db, league.id);
    await setBotState(database.db, "live:indexes", "v2");
    const dueAt = new Date(Date.now() + 3 * 3_600_000);
    await queueNightPost(database.db, { guildId, channelId: "200000000000000077", season: 32, week: 3, dueAt });

    expect(await heardAtLeast(7)).toEqual([
      "polls",
      "polls",
      "poll_schedules",
      "leagues",
      "leagues",
      "bot_state",
      "night_posts",
    ]);

    // What the woken jobs read next: when their soonest work is due.
    expect((await nextDeadline(database.db))?.getTime()).toBe(closesAt.getTime());
    expect((await nextScheduleDue(database.db))?.getTime()).toBe(nextAirAt.getTime() - 60 * 60_000);
    const clock = await nextClock(database.db);
    expect(clock?.getTime()).toBeGreaterThan(Date.now() + 500_000);
    expect((await nextNightPostDue(database.db))?.getTime()).toBe(dueAt.getTime());
    expect(await closeDuePolls(database.db)).toEqual([]);
  });
});
