import { describe, expect, test } from "vitest";
import {
  canonicalTimeZone,
  nextAirTime,
  parseAirTime,
  scheduleStep,
  zonedTimeToEpoch,
} from "../../../src/polls/schedule.js";

const tuesday = 2;
const eightPm = 20 * 60;

describe("time zones and air times", () => {
  test.each([
    ["America/New_York", "America/New_York"],
    ["america/new_york", "America/New_York"],
    ["UTC", "UTC"],
    ["Mars/Olympus_Mons", null],
    ["", null],
  ])("GIVEN the zone %s WHEN validated with Intl THEN it is %s", (zone, expected) => {
    expect(canonicalTimeZone(zone)).toBe(expected);
  });

  test.each([
    ["20:00", 1200],
    ["8pm", 1200],
    ["8:30 PM", 1230],
    ["12am", 0],
    ["12pm", 720],
    ["24:00", null],
    ["13pm", null],
    ["soon", null],
  ])("GIVEN %s WHEN read as an air time THEN it is %s minutes after midnight", (text, minutes) => {
    expect(parseAirTime(text)).toBe(minutes);
  });
});

describe("next air time", () => {
  test("GIVEN Tuesdays 8pm in New York WHEN asked on a Monday in October THEN it is the next day at 00:00 UTC (EDT)", () => {
    const next = nextAirTime(new Date("2023-10-02T12:00:00Z"), tuesday, eightPm, "America/New_York");
    expect(next.toISOString()).toBe("2023-10-04T00:00:00.000Z");
  });

  test("GIVEN the show is airing right now WHEN asked THEN the answer is next week, not now", () => {
    const now = new Date("2023-10-04T00:00:00Z");
    expect(nextAirTime(now, tuesday, eightPm, "America/New_York").toISOString()).toBe("2023-10-11T00:00:00.000Z");
  });

  test("GIVEN the clocks go back on 5 November 2023 WHEN the next Tuesday's show is found THEN it is 8pm EST (01:00 UTC)", () => {
    const next = nextAirTime(new Date("2023-11-01T12:00:00Z"), tuesday, eightPm, "America/New_York");
    expect(next.toISOString()).toBe("2023-11-08T01:00:00.000Z");
  });

  test("GIVEN a zone east of UTC WHEN the local day differs from the UTC day THEN the local weekday counts", () => {
    // Tuesday 08:00 in Sydney (AEDT, +11) is Monday 21:00 UTC.
    const next = nextAirTime(new Date("2024-01-01T00:00:00Z"), tuesday, 8 * 60, "Australia/Sydney");
    expect(next.toISOString()).toBe("2024-01-01T21:00:00.000Z");
  });

  test("GIVEN 02:30 on the spring-forward night WHEN converted THEN it moves on by the skipped hour (03:30 EDT)", () => {
    const at = zonedTimeToEpoch({ year: 2024, month: 3, day: 10 }, 150, "America/New_York");
    expect(new Date(at).toISOString()).toBe("2024-03-10T07:30:00.000Z");
  });

  test("GIVEN 01:30 on the fall-back night (it happens twice) WHEN converted THEN the first one is taken", () => {
    const at = zonedTimeToEpoch({ year: 2024, month: 11, day: 3 }, 90, "America/New_York");
    expect(new Date(at).toISOString()).toBe("2024-11-03T05:30:00.000Z");
  });
});

describe("schedule step", () => {
  const schedule = {
    nextAirAt: new Date("2023-10-04T00:00:00Z"),
    leadMinutes: 1440,
    weekday: tuesday,
    airTime: eightPm,
    timeZone: "America/New_York",
  };

  test("GIVEN more than a day before the show WHEN the loop looks THEN it waits", () => {
    expect(scheduleStep(new Date("2023-10-02T12:00:00Z"), schedule)).toEqual({ action: "wait" });
  });

  test("GIVEN the posting window opened WHEN the loop looks THEN it posts a poll closing at air time and moves to next week", () => {
    expect(scheduleStep(new Date("2023-10-03T01:00:00Z"), schedule)).toEqual({
      action: "post",
      airAt: schedule.nextAirAt,
      next: new Date("2023-10-11T00:00:00Z"),
    });
  });

  test("GIVEN the bot was away through the whole window WHEN it comes back after air time THEN it skips to a future show", () => {
    const step = scheduleStep(new Date("2023-10-20T00:00:00Z"), schedule);
    expect(step).toEqual({ action: "skip", airAt: schedule.nextAirAt, next: new Date("2023-10-25T00:00:00Z") });
  });
});
