import { describe, expect, test } from "vitest";
import { reminderDmView, rolePingView } from "../../src/commands/remind/view.js";
import { safeCell } from "../../src/exports/csv.js";
import { episodeName, eventInput, plannedEpisodes } from "../../src/reminders/calendar.js";
import { episodeStart, occasion, resultMayBeTold, showtimeDue } from "../../src/reminders/timing.js";
import { pingsOf } from "../../tools/local-discord/mentions.js";

const at = (iso: string) => new Date(iso);

describe("when reminders are due", () => {
  const schedule = { weekday: 2, airTime: "20:00", timeZone: "America/New_York" }; // Tuesdays, 8 pm Eastern

  test.each([
    ["16 minutes before", "2026-12-02T00:44:00Z", null],
    ["15 minutes before", "2026-12-02T00:45:00Z", "2026-12-02T01:00:00.000Z"],
    ["1 minute before", "2026-12-02T00:59:00Z", "2026-12-02T01:00:00.000Z"],
    ["at air time (the next show is a week away)", "2026-12-02T01:00:00Z", null],
  ])("GIVEN a Tuesday 8 pm Eastern show WHEN it is %s THEN the showtime reminder is for %s", (_, now, due) => {
    expect(showtimeDue(at(now), schedule)?.toISOString() ?? null).toBe(due);
  });

  test("GIVEN a show across the spring-forward change WHEN 15 minutes before THEN the reminder follows local time", () => {
    // 8 March 2026: clocks go forward in New York; the Sunday show is then at 00:00 UTC, not 01:00.
    expect(showtimeDue(at("2026-03-08T23:50:00Z"), { ...schedule, weekday: 0 })?.toISOString()).toBe(
      "2026-03-09T00:00:00.000Z",
    );
  });

  test("GIVEN a server's spoiler guard of 12 hours WHEN a week aired 11 and 13 hours ago THEN news waits, then goes", () => {
    const week = { airDate: "2026-11-24", spoilerHours: 12 }; // aired 2026-11-25T01:00Z
    expect(resultMayBeTold(week, at("2026-11-25T12:00:00Z"))).toBe(false);
    expect(resultMayBeTold(week, at("2026-11-25T14:00:00Z"))).toBe(true);
    expect(resultMayBeTold({ ...week, spoilerHours: 0 }, at("2026-11-25T02:00:00Z"))).toBe(true);
  });

  test("GIVEN the occasions THEN each names one thing to remind of once", () => {
    expect(occasion.poll(12)).toBe("poll:12");
    expect(occasion.air(at("2026-12-02T01:00:00Z"))).toBe("air:2026-12-02T01:00:00.000Z");
    expect(occasion.results(35, 4)).toBe("results:35:4");
  });
});

describe("episodes on the calendar", () => {
  test("GIVEN an episode's date and the schedule's time zone THEN it starts at the local air time and runs two hours", () => {
    const start = episodeStart({ airDate: "2026-07-14", airTime: "20:00", timeZone: "America/New_York" });
    expect(start?.toISOString()).toBe("2026-07-15T00:00:00.000Z");
    const event = eventInput({ name: "x", startsAt: start ?? new Date(), season: 35, week: 1 });
    expect(event.endsAt.getTime() - event.startsAt.getTime()).toBe(2 * 3_600_000);
  });

  test("GIVEN weeks with and without a theme, and one too long THEN the event names fit Discord's 100 characters", () => {
    expect(episodeName(3, "Disney Night")).toBe("Dancing with the Stars — Week 3: Disney Night");
    expect(episodeName(3, null)).toBe("Dancing with the Stars — Week 3");
    expect(episodeName(3, "x".repeat(200))).toHaveLength(100);
  });

  test("GIVEN episodes before and after now THEN only those still to start are planned", () => {
    const base = { guildId: "1", season: 35, theme: null, airTime: "20:00", timeZone: "UTC" };
    const planned = plannedEpisodes(
      [
        { ...base, week: 1, airDate: "2026-12-01" },
        { ...base, week: 2, airDate: "2026-12-08" },
      ],
      at("2026-12-02T00:00:00Z"),
    );
    expect(planned.map((p) => p.week)).toEqual([2]);
  });
});

describe("reminder wording", () => {
  test("GIVEN a pick that went home THEN the first line (what notifications show) never names the couple; the name is behind spoiler bars", () => {
    const view = reminderDmView("1", "Ballroom", { kind: "pick", season: 35, week: 4, couple: "Nova Lane & Val" });
    const [first, second] = (view.content ?? "").split("\n");
    expect(first).toBe("📮 News about your season 35 week 4 pick in **Ballroom**.");
    expect(second).toBe("When you are ready: ||Nova Lane & Val went home that week.||");
    expect(view.components[0]?.components[0]).toMatchObject({ custom_id: "rmd:stop:1:pick" });
  });

  test("GIVEN the weekly poll ping THEN it may ping the opt-in role and nothing else", () => {
    const view = rolePingView({ roleId: "55", week: 2, closesAt: at("2026-12-02T01:00:00Z"), link: "https://x" });
    expect(view.pingRoleIds).toEqual(["55"]);
    expect(view.content).toMatch(/^<@&55> The weekly poll is up/);
  });
});

describe("CSV cells", () => {
  test.each([
    ["=1+2", "'=1+2"],
    ["+SUM(A1)", "'+SUM(A1)"],
    ["@cmd", "'@cmd"],
    ["-5", "-5"],
    ["Tango", "Tango"],
    [null, ""],
  ])("GIVEN %s THEN the cell is %s", (value, cell) => {
    expect(safeCell(value)).toBe(cell);
  });
});

describe("the local Discord's pings", () => {
  const user = { id: "7", username: "u", discriminator: "0", global_name: null, avatar: null };
  test("GIVEN allowed_mentions with one role THEN only that role is pinged, whatever the content names", () => {
    const pings = pingsOf("<@&1> <@&2> <@7> @everyone", { parse: [], roles: ["1"] }, () => user);
    expect(pings).toEqual({ mentions: [], mention_roles: ["1"], mention_everyone: false });
  });
  test("GIVEN no allowed_mentions THEN everything written pings, as on Discord", () => {
    const pings = pingsOf("<@&1> <@7> @here", undefined, () => user);
    expect(pings).toEqual({ mentions: [user], mention_roles: ["1"], mention_everyone: true });
  });
});
