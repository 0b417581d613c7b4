import { describe, expect, it } from "vitest";
import { finaleTotals } from "../../tools/data-build/totals.js";
import { season } from "./helpers.js";

describe("season 32", () => {
  const s = season(32);

  it("crowns Xochitl Gomez & Val Chmerkovskiy with the first Len Goodman Mirrorball Trophy", () => {
    expect(s.trophy).toBe("Len Goodman Mirrorball Trophy");
    expect(s.couples).toHaveLength(14);
    const winner = s.couples.find((c) => c.placement === 1);
    expect(winner).toMatchObject({ celebrity: "Xochitl Gomez", pro: "Val Chmerkovskiy", result: "Winner" });
  });

  it("reproduces the broadcast finale standings: semifinal + finale judges' totals via carryOverFrom", () => {
    const finale = s.weeks.find((w) => w.isFinale);
    expect(finale?.week).toBe(11);
    expect(finale?.carryOverFrom).toEqual([10]);
    expect(Object.fromEntries(finaleTotals(s))).toEqual({
      "Xochitl Gomez": 120,
      "Charity Lawson": 118,
      "Jason Mraz": 117,
      "Ariana Madix": 117,
      "Alyson Hannigan": 104,
    });
  });

  it("records Charity Lawson's week-2 stand-in, the week-10 no-elimination and the guest judges", () => {
    const w2 = s.weeks.find((w) => w.week === 2);
    const charity = w2?.performances.find((p) => p.couples.includes("Charity Lawson"));
    expect(charity?.standIns).toEqual([{ couple: "Charity Lawson", by: "Ezra Sosa", for: "Artem Chigvintsev" }]);
    expect(s.weeks.find((w) => w.week === 10)?.noElimination).toBe(true);
    const w3 = s.weeks.find((w) => w.week === 3);
    expect(w3?.judges).toEqual(["Carrie Ann Inaba", "Derek Hough", "Michael Strahan", "Bruno Tonioli"]);
    expect(w3?.guestJudges).toEqual(["Michael Strahan"]);
  });

  it("keeps the week-6 marathon bonus on a marathon performance, apart from the judges' scores", () => {
    const w6 = s.weeks.find((w) => w.week === 6);
    const marathon = w6?.performances.find((p) => p.round === "marathon");
    expect(marathon?.scores).toBeUndefined();
    expect(marathon?.bonus?.find((b) => b.couple === "Xochitl Gomez")?.points).toBe(5);
    const xochitl = w6?.performances.find((p) => p.round === "regular" && p.couples.includes("Xochitl Gomez"));
    expect(xochitl?.scores).toEqual([9, 9, 10, 9]);
    expect(xochitl?.bonus).toBeUndefined();
  });

  it("has team dances with their teams and members, dance-offs and relays with winners and bonus", () => {
    const teams = s.weeks.find((w) => w.week === 7)?.performances.filter((p) => p.round === "team") ?? [];
    expect(teams.map((t) => t.team)).toEqual(["Team Young'n Style", "Team 4 Everybody"]);
    expect(teams[0]?.couples).toHaveLength(4);
    const danceOffs = s.weeks.find((w) => w.week === 8)?.performances.filter((p) => p.round === "dance-off") ?? [];
    expect(danceOffs).toHaveLength(3);
    for (const d of danceOffs) expect(d.bonus).toEqual([{ couple: d.winner, points: 3, reason: "Won the dance-off" }]);
    const relays = s.weeks.find((w) => w.week === 9)?.performances.filter((p) => p.round === "relay") ?? [];
    expect(relays.map((r) => r.winner)).toEqual(["Jason Mraz", "Xochitl Gomez", "Alyson Hannigan"]);
  });
});
