import { describe, expect, it } from "vitest";
import { coupleWeekTotal } from "../../tools/data-build/totals.js";
import { season } from "./helpers.js";

describe("bonus points are kept apart from the judges' scores", () => {
  it("season 10 week 6: the swing marathon's points are a bonus on a marathon performance", () => {
    const w6 = season(10).weeks.find((w) => w.week === 6);
    const marathon = w6?.performances.find((p) => p.round === "marathon");
    expect(marathon).toBeDefined();
    expect(marathon?.style).toBe("Swing");
    expect(marathon?.scores).toBeUndefined();
    expect(marathon?.couples).toHaveLength(7);
    expect(marathon?.bonus?.find((b) => b.couple === "Nicole Scherzinger")?.points).toBe(10);
    expect(marathon?.bonus?.find((b) => b.couple === "Jake Pavelka")?.points).toBe(4);
    const nicole = w6?.performances.find((p) => p.round === "regular" && p.couples.includes("Nicole Scherzinger"));
    expect(nicole?.scores).toEqual([9, 7, 10]);
    expect(nicole?.bonus).toBeUndefined();
    // The week's judges' total adds the marathon points to the dance: 26 + 10.
    if (w6) expect(coupleWeekTotal(w6, "Nicole Scherzinger")).toBe(36);
  });

  it("team dances say who danced them (S1-16 unscored group dances included)", () => {
    const group = season(2)
      .weeks.find((w) => w.week === 5)
      ?.performances.find((p) => p.round === "group");
    expect(group?.couples.length).toBeGreaterThan(4);
    expect(group?.scores).toBeUndefined();
    const team = season(10)
      .weeks.find((w) => w.week === 7)
      ?.performances.find((p) => p.team === "Team Gaga");
    expect(team?.couples).toEqual(["Chad Ochocinco", "Nicole Scherzinger", "Pamela Anderson"]);
  });
});
