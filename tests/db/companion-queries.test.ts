import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  blockCalendar,
  blockedCalendars,
  claimCalendarNotice,
  claimDeliveries,
  claimEpisodeEvent,
  clearCalendarNotice,
  type DeliveryKey,
  markFailed,
  moveEpisodeEvent,
  removeEpisodeEvent,
  setSubscription,
  subscribers,
} from "../../src/db/queries/reminders/index.js";
import { engine, freshDatabase, type TestDatabase } from "../support/database.js";

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => database?.close());

const key = (userId: string, occasion = "poll:1"): DeliveryKey => ({ guildId: "g1", userId, kind: "lock", occasion });

describe(`the companion's claims in SQL (${engine})`, () => {
  test("GIVEN two processes claiming the same reminders at once THEN each reminder is claimed exactly once, and never again", async () => {
    const keys = Array.from({ length: 40 }, (_, i) => key(`u${i}`));
    const [a, b] = await Promise.all([claimDeliveries(database.db, keys), claimDeliveries(database.db, keys)]);
    expect(a.length + b.length).toBe(40);
    const both = new Set([...a, ...b].map((k) => k.userId));
    expect(both.size).toBe(40);
    expect(await claimDeliveries(database.db, keys)).toEqual([]);
  });

  test("GIVEN a member whose DM was refused THEN they are left out until they opt in again", async () => {
    const { db } = database;
    await setSubscription(db, { guildId: "g2", userId: "closed", kind: "results", on: true });
    await setSubscription(db, { guildId: "g2", userId: "open", kind: "results", on: true });
    const [claimed] = await claimDeliveries(db, [{ guildId: "g2", userId: "closed", kind: "results", occasion: "r" }]);
    if (!claimed) throw new Error("not claimed");
    await markFailed(db, claimed, 50007);
    expect((await subscribers(db, ["g2"], "results")).map((s) => s.userId)).toEqual(["open"]);
    await setSubscription(db, { guildId: "g2", userId: "closed", kind: "results", on: true });
    expect((await subscribers(db, ["g2"], "results")).map((s) => s.userId).sort()).toEqual(["closed", "open"]);
  });

  test("GIVEN two processes making, moving and removing one episode's event at once THEN one does each", async () => {
    const { db } = database;
    const now = new Date("2026-12-01T00:00:00Z");
    const episode = { guildId: "g3", season: 35, week: 1, name: "Week 1", startsAt: new Date("2026-12-08T01:00:00Z") };
    const made = await Promise.all([claimEpisodeEvent(db, episode, now), claimEpisodeEvent(db, episode, now)]);
    expect(made.filter(Boolean)).toHaveLength(1);
    // A maker that vanished without an event: taken over after a minute, not before.
    expect(await claimEpisodeEvent(db, episode, new Date(now.getTime() + 30_000))).toBe(false);
    expect(await claimEpisodeEvent(db, episode, new Date(now.getTime() + 61_000))).toBe(true);

    const later = { name: "Week 1: Disney", startsAt: new Date("2026-12-08T02:00:00Z") };
    const moved = await Promise.all([
      moveEpisodeEvent(db, episode, episode, later),
      moveEpisodeEvent(db, episode, episode, later),
    ]);
    expect(moved.filter(Boolean)).toHaveLength(1);
    const removed = await Promise.all([removeEpisodeEvent(db, episode), removeEpisodeEvent(db, episode)]);
    expect(removed.filter((r) => r !== null)).toHaveLength(1);
  });

  test("GIVEN a server without Manage Events THEN the notice is said once, a refusal blocks every process until it is cleared", async () => {
    const { db } = database;
    expect(await claimCalendarNotice(db, "g4")).toBe(true);
    expect(await claimCalendarNotice(db, "g4")).toBe(false);
    const now = new Date();
    await blockCalendar(db, "g4", new Date(now.getTime() + 600_000));
    expect(await blockedCalendars(db, now)).toEqual(new Set(["g4"]));
    expect(await blockedCalendars(db, new Date(now.getTime() + 601_000))).toEqual(new Set());
    await clearCalendarNotice(db, "g4");
    expect(await blockedCalendars(db, now)).toEqual(new Set());
    expect(await claimCalendarNotice(db, "g4")).toBe(true);
  });
});
