import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { getSchedule } from "../../src/db/queries/polls/index.js";
import { PlaygroundClock } from "../../tools/playground/clock.js";
import { ids, type Playground, startPlayground } from "../../tools/playground/index.js";
import { InputError } from "../../tools/playground/options.js";
import { silentLogger } from "../support/bot.js";
import { playgroundDatabase } from "./database.js";

// Fast-forward, without a browser: the bot's own scheduler closes polls and posts the weekly ones once the clock moves.
let database: DatabaseHandle;
let playground: Playground;

beforeAll(async () => {
  database = await playgroundDatabase();
  playground = await startPlayground({
    logger: silentLogger,
    port: 0,
    database,
    env: { LOG_LEVEL: "silent" },
    // This file is about the clock; the 3 s answer is the e2e suites' to check, and a cold first command on a busy
    // machine may take longer.
    discord: { callbackWindowMs: 15_000 },
  });
}, 180_000);

afterAll(async () => {
  await playground?.stop();
  await database?.close();
});

const at = { guildId: ids.fans, channelId: ids.general };
const titles = (channelId: string) =>
  playground.session.discord.channelMessages(channelId).map((m) => m.embeds[0]?.title ?? m.content);

/** Waits (polling) until `check` holds: the bot's jobs, woken by the move, close and post on their own. */
async function until(check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  // performance.now(): Date.now() is the playground's clock, which the tests move on.
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error("timed out waiting for the scheduler");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test("GIVEN a real PostgreSQL WHEN fast-forward is asked THEN a sentence says it needs the embedded database", async () => {
  const moved: number[] = [];
  const time = { offsetMs: 0, now: () => new Date(), forward: (ms: number) => moved.push(ms) };
  const clock = new PlaygroundClock(database.db, "postgres", time);
  await expect(clock.forward(3_600_000)).rejects.toThrow(
    new InputError(
      "Fast-forward needs the embedded database: PostgreSQL keeps its own clock. Unset DATABASE_URL to use it.",
    ),
  );
  expect(moved).toEqual([]);
});

describe(`the playground clock (embedded database)`, { timeout: 120_000 }, () => {
  test("GIVEN nothing pending WHEN asked for the next deadline THEN there is none and the clock stays", async () => {
    expect(await playground.clock.upcoming()).toBeNull();
    expect(await playground.clock.toNext()).toBeNull();
    expect(playground.clock.offsetMs).toBe(0);
  });

  test("GIVEN a 2-day poll WHEN fast-forwarded one day THEN it stays open; to the next deadline THEN the bot closes it", async () => {
    const { discord } = playground.session;
    const ix = await discord.slash({
      name: "poll",
      subcommand: "custom",
      options: { question: "Best jive?", options: "Yes | No", closes: "2d" },
      user: ids.morgan,
      ...at,
    });
    await ix.settled();
    const upcoming = await playground.clock.upcoming();
    expect(upcoming?.what).toBe("a poll closes");
    expect((upcoming?.at.getTime() ?? 0) - Date.now()).toBeGreaterThan(47 * 3_600_000);

    await playground.clock.forward(86_400_000);
    const after = await playground.clock.upcoming();
    // In playground time the deadline has not moved; it is one day nearer to the playground's now.
    expect(Math.abs((after?.at.getTime() ?? 0) - (upcoming?.at.getTime() ?? 0))).toBeLessThan(1000);
    expect((after?.at.getTime() ?? 0) - playground.clock.now().getTime()).toBeLessThan(25 * 3_600_000);
    expect(titles(ids.general).some((t) => t?.startsWith("Results:"))).toBe(false);

    await playground.clock.toNext();
    await until(() => titles(ids.general).includes("Results: Best jive?"));
    expect(playground.clock.offsetMs).toBeGreaterThan(47 * 3_600_000);
    expect(await playground.clock.upcoming()).toBeNull();
    discord.assertNoViolations();
  });

  test("GIVEN a weekly schedule for a live season WHEN fast-forwarded to it THEN the week's polls are posted", async () => {
    const { discord } = playground.session;
    const owner = { user: ids.olive, guildId: ids.owners, channelId: ids.admin };
    // The owners start a new season 36 (season 35 is in data/) with two couples, as they would from the admin server.
    const season = await discord.slash({ name: "admin", subcommand: "season", options: { season: 36 }, ...owner });
    await season.firstResponse();
    await (
      await discord.submitModal({
        customId: "adm:s:36",
        fields: { hosts: "Alfonso Ribeiro", judges: "Carrie Ann Inaba, Derek Hough", premiere: "", title: "" },
        user: ids.olive,
      })
    ).settled();
    for (const [celebrity, pro] of [
      ["Ava Star", "Val Chmerkovskiy"],
      ["Ben Star", "Jenna Johnson"],
    ] as const) {
      const added = await discord.slash({
        name: "admin",
        subcommand: "couple",
        options: { season: 36, celebrity, pro },
        ...owner,
      });
      await added.settled();
    }
    // The show airs the day after tomorrow at 20:00 UTC; its polls go up 24 hours before.
    const showDay = new Date(Date.now() + 2 * 86_400_000).getUTCDay();
    const scheduled = await discord.slash({
      name: "poll",
      subcommand: "schedule",
      options: { day: showDay, time: "20:00", timezone: "UTC", channel: ids.showNight, season: 36 },
      user: ids.morgan,
      ...at,
    });
    await scheduled.settled();
    const before = await getSchedule(database.db, ids.fans);
    expect(before).not.toBeNull();
    const upcoming = await playground.clock.upcoming();
    expect(upcoming?.what).toBe("the weekly polls are posted");

    await playground.clock.toNext();
    await until(() => titles(ids.showNight).length >= 2);
    expect(titles(ids.showNight).map((t) => t?.replace(/^📊 /, ""))).toEqual([
      "Who will win the Mirrorball? (Season 36)",
      "Who goes home this week? (Season 36, week 1)",
    ]);
    // The schedule moved on to the next week's show.
    const after = await getSchedule(database.db, ids.fans);
    expect((after?.nextAirAt.getTime() ?? 0) - (before?.nextAirAt.getTime() ?? 0)).toBe(7 * 86_400_000);
    discord.assertNoViolations();
  });
});
