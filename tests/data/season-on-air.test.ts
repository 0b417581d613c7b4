/**
 * Season 35 as data/ ships it (on the air: weeks 1-3 scored, week 4 announced, weeks 5-11 scheduled), and the owners
 * continuing it with /admin's edits: the announced dance is scored in place, a scheduled night airs.
 */
import { describe, expect, it } from "vitest";
import { addDance, setScores, upsertNight } from "../../src/admin/edits.js";
import { checkSeason, completeNights } from "../../src/admin/validate.js";
import { seasonFileSchema } from "../../src/data/seasonFile.js";
import { season } from "./helpers.js";

describe("season 35 in data/", () => {
  const s35 = season(35);

  it("has weeks 1-3 aired and scored, week 4's dances announced and unscored, weeks 5-11 scheduled with date and theme", () => {
    expect(s35.weeks.map((w) => [w.week, w.status ?? "aired"])).toEqual([
      [1, "aired"],
      [2, "aired"],
      [3, "aired"],
      [4, "announced"],
      ...[5, 6, 7, 8, 9, 10, 11].map((n) => [n, "scheduled"]),
    ]);
    const aired = s35.weeks.filter((w) => !w.status).flatMap((w) => w.performances);
    expect(aired).toHaveLength(43);
    expect(aired.every((p) => p.scores?.length === 3 && p.style && p.song && !p.status)).toBe(true);
    const week4 = s35.weeks[3];
    expect(week4?.judges).toEqual([]);
    expect(week4?.performances).toHaveLength(12);
    expect(week4?.performances.every((p) => p.status === "announced" && !p.scores && p.total === undefined)).toBe(true);
    for (const w of s35.weeks.slice(4)) {
      expect([w.performances, w.judges, w.results, w.noElimination]).toEqual([[], [], undefined, undefined]);
      expect(w.airDate).toMatch(/^2026-1[01]-\d\d$/);
      expect(w.theme).toBeTruthy();
    }
    expect(s35.finale).toBeNull();
    expect(s35.couples.filter((c) => c.placement === null)).toHaveLength(12);
  });

  it("refuses an announced dance with scores, or a scheduled week with dances", () => {
    const scoredAnnouncement = structuredClone(s35);
    const p = scoredAnnouncement.weeks[3]?.performances[0];
    if (p) p.scores = [];
    expect(seasonFileSchema.safeParse(scoredAnnouncement).success).toBe(false);
    const danced = structuredClone(s35);
    danced.weeks[4]?.performances.push({
      round: "regular",
      style: "Tango",
      song: null,
      artist: null,
      couples: ["Amber Glenn"],
    });
    expect(seasonFileSchema.safeParse(danced).error?.issues[0]?.message).toBe(
      "belongs to a scheduled week, which has no dances yet",
    );
  });

  it("GIVEN the owners continue it WHEN week 4 airs THEN the announced dance is scored in place, nothing invented", () => {
    let doc = upsertNight(s35, { week: 4, airDate: "2026-10-06", theme: "Mariah Carey Night", guestJudges: [] });
    expect(doc.weeks[3]?.status).toBeUndefined();
    expect(doc.weeks[3]?.judges).toEqual(["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"]);
    doc = addDance(doc, {
      week: 4,
      round: "regular",
      style: "Rumba",
      song: "Hero",
      artist: "Mariah Carey",
      couples: ["Amber Glenn"],
      scores: [8, 8, 9],
    });
    const week4 = doc.weeks[3];
    expect(week4?.performances).toHaveLength(12);
    expect(week4?.performances.filter((p) => p.couples.includes("Amber Glenn"))).toEqual([
      {
        round: "regular",
        style: "Rumba",
        song: "Hero",
        artist: "Mariah Carey",
        couples: ["Amber Glenn"],
        scores: [8, 8, 9],
      },
    ]);
    doc = setScores(doc, { week: 4, couple: "Ciara Miller", scores: [7, 7, 7] });
    const ciara = doc.weeks[3]?.performances.find((p) => p.couples.includes("Ciara Miller"));
    expect([ciara?.status, ciara?.scores, ciara?.note]).toEqual([undefined, [7, 7, 7], undefined]);
    expect(checkSeason(doc).ok).toBe(true);
    // Ten announced dances still unscored: the night is not complete, so no results post goes out yet.
    expect(completeNights(doc)).not.toContain(4);
  });

  it("GIVEN a scheduled night WHEN the owners set it up THEN it is an aired night with its panel", () => {
    const doc = upsertNight(season(35), {
      week: 5,
      airDate: "2026-10-13",
      theme: "Super Bowl Night",
      guestJudges: ["Kym Johnson"],
    });
    expect(doc.weeks[4]).toMatchObject({
      week: 5,
      airDate: "2026-10-13",
      theme: "Super Bowl Night",
      judges: ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli", "Kym Johnson"],
      guestJudges: ["Kym Johnson"],
    });
    expect(doc.weeks[4]?.status).toBeUndefined();
  });
});
