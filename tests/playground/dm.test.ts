import { afterAll, beforeAll, expect, test } from "vitest";
import type { DatabaseHandle } from "../../src/db/client.js";
import { setSubscription } from "../../src/db/queries/reminders/index.js";
import { companionJobNames } from "../../src/reminders/jobs.js";
import { ids, type Playground, startPlayground } from "../../tools/playground/index.js";
import { silentLogger } from "../support/bot.js";
import { playgroundDatabase } from "./database.js";

// The playground's page, without a browser: each member has their DM with the bot, where lookups answer and reminders land.
let database: DatabaseHandle;
let playground: Playground;
beforeAll(async () => {
  database = await playgroundDatabase();
  playground = await startPlayground({ logger: silentLogger, port: 0, database, env: { LOG_LEVEL: "silent" } });
}, 180_000);
afterAll(async () => {
  await playground?.stop();
  await database?.close();
});

const at = (path: string) => new URL(path, playground.url);
const get = async (path: string) => (await fetch(at(path))).json();
const post = async (path: string, body: unknown) =>
  (
    await fetch(at(path), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
  ).json();

async function until<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (performance.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test("GIVEN the playground WHEN Ava opens her DM with the bot THEN only she has it, the lookups are offered there but not /poll, and /leaderboard answers there", async () => {
  const world = await get("/api/world");
  const dm = playground.session.discord.dmChannelId(ids.ava);
  const ava = world.members.find((m: { id: string }) => m.id === ids.ava);
  expect(ava.guildIds).toContain(`dm-${ids.ava}`);
  const server = world.servers.find((s: { id: string }) => s.id === `dm-${ids.ava}`);
  expect(server.channels.map((c: { id: string }) => c.id)).toEqual([dm]);
  expect((await get(`/api/messages?member=${ids.ben}&channel=${dm}`)).error).toMatch(/not one of yours/);

  const names = (await get(`/api/commands?member=${ids.ava}&channel=${dm}`)).commands.map(
    (c: { name: string }) => c.name,
  );
  expect(names).toContain("leaderboard");
  expect(names).not.toContain("poll");

  const act = await post("/api/act", {
    type: "command",
    member: ids.ava,
    channelId: dm,
    name: "leaderboard",
    options: { season: "32", week: "11" },
  });
  expect(act).toEqual({ ok: true });
  const messages = await until(async () => {
    const list = (await get(`/api/messages?member=${ids.ava}&channel=${dm}`)).messages;
    return list.some((m: { embeds: { title?: string }[] }) => m.embeds[0]?.title?.startsWith("Season 32 · Week 11"))
      ? list
      : undefined;
  });
  expect(messages.length).toBeGreaterThan(0);
});

test("GIVEN Ben asked for the showtime reminder WHEN it is due THEN it lands in Ben's DM in the playground, and nobody else's", async () => {
  const { bot, discord, db } = playground.session;
  await setSubscription(db, { guildId: ids.fans, userId: ids.ben, kind: "showtime", on: true });
  // A weekly schedule for the show in ten minutes (UTC), as /poll schedule would store it.
  const act = await post("/api/act", {
    type: "command",
    member: ids.morgan,
    channelId: ids.showNight,
    name: "poll",
    path: ["schedule"],
    options: { channel: ids.showNight, day: "0", time: "20:00", timezone: "UTC", "hours-before": "0.1" },
  });
  expect(act).toEqual({ ok: true });
  const now = new Date();
  const nextSunday8pm = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((7 - now.getUTCDay()) % 7), 20),
  );
  const air = nextSunday8pm > now ? nextSunday8pm : new Date(nextSunday8pm.getTime() + 7 * 86_400_000);
  await bot.jobs.runNow(companionJobNames.reminders, new Date(air.getTime() - 10 * 60_000));
  expect(discord.dmMessages(ids.ben).map((m) => m.content)).toEqual([
    expect.stringMatching(/^💃 The show starts in 15 minutes .* in \*\*Mirrorball Fans\*\*\.$/),
  ]);
  expect(discord.dmMessages(ids.ava).filter((m) => m.content.startsWith("💃"))).toEqual([]);
});
