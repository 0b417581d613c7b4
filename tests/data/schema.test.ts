import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seasonFileSchema } from "../../src/data/seasonFile.js";
import { DATA_DIR, season, seasons } from "./helpers.js";

describe("data/seasons", () => {
  const files = readdirSync(join(DATA_DIR, "seasons")).sort();

  it("has one file per season (1-34 at least), named season-NN.json", () => {
    for (const f of files) expect(f).toMatch(/^season-\d{2}\.json$/);
    for (let n = 1; n <= 34; n++) expect(files).toContain(`season-${String(n).padStart(2, "0")}.json`);
  });

  it.each(files)("%s parses with seasonFileSchema and is written canonically", (f) => {
    const text = readFileSync(join(DATA_DIR, "seasons", f), "utf8");
    const parsed = seasonFileSchema.parse(JSON.parse(text));
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
  });

  it("sets exitWeek for everyone who left before the finale, and only for them", () => {
    for (const s of seasons()) {
      const finale = s.weeks.find((w) => w.isFinale);
      expect(finale, `S${s.season} finale`).toBeDefined();
      for (const c of s.couples) {
        if (/^(Eliminated|Withdrew) Week \d+$/.test(c.result))
          expect(c.exitWeek, `${s.season} ${c.celebrity}`).toBeGreaterThan(0);
        else expect(c.exitWeek ?? null, `${s.season} ${c.celebrity}`).toBeNull();
      }
      // A season still on the air (its finale only scheduled) has no winner yet and invents no placement.
      const onAir = finale?.status !== undefined;
      expect(s.couples.filter((c) => c.result === "Winner")).toHaveLength(onAir ? 0 : 1);
      if (onAir)
        for (const c of s.couples.filter((x) => x.exitWeek === null || x.exitWeek === undefined))
          expect([c.placement, c.result]).toEqual([null, expect.stringMatching(/^Still competing after week \d+$/)]);
    }
  });

  it("uses one spelling per person and fixes the sources' typos", () => {
    const all = JSON.stringify(seasons());
    for (const typo of [
      "Hamiliton",
      "Sheperd",
      "Xoshitl",
      "Veron Davis",
      "Valentin Chmerkovskiy",
      "Chmerkoskiy",
      "\u00a0",
    ])
      expect(all).not.toContain(typo);
    expect(all).toContain("Hélio Castroneves");
    expect(season(9).couples.some((c) => c.celebrity === "Ashley Hamilton")).toBe(true);
    expect(season(14).couples.some((c) => c.celebrity === "Sherri Shepherd")).toBe(true);
    expect(season(33).couples.some((c) => c.celebrity === "Dwight Howard")).toBe(true);
  });

  it("keeps Derek and Julianne Hough one person each across roles", () => {
    expect(season(7).couples.some((c) => c.pro === "Derek Hough")).toBe(true);
    expect(season(30).judges).toContain("Derek Hough");
    expect(season(5).couples.some((c) => c.pro === "Julianne Hough")).toBe(true);
    expect(season(19).judges).toContain("Julianne Hough");
    expect(season(32).hosts).toContain("Julianne Hough");
  });

  it("keeps every judge of four- and five-judge weeks, and S19's America's Score apart from the judges", () => {
    const s31w6 = season(31).weeks.find((w) => w.week === 6);
    expect(s31w6?.judges).toHaveLength(5);
    expect(s31w6?.judges).toContain("Michael Bublé");
    expect(s31w6?.guestJudges).toEqual(["Michael Bublé"]);
    for (const n of [19, 20, 24]) expect(season(n).judges).toContain("Julianne Hough");
    const s19w4 = season(19).weeks.find((w) => w.week === 4);
    expect(s19w4?.judges.some((j) => /america/i.test(j))).toBe(false);
    expect(s19w4?.performances.every((p) => p.extraScores?.[0]?.kind === "viewers")).toBe(true);
  });

  it("stores couple-weeks known only as weekly figures as weeklyScores, without invented dances", () => {
    // S31 W9: Trevor Donovan's two semifinal dances are not in the sources; MCM's figures are kept, no dance scored.
    const s31w9 = season(31).weeks.find((x) => x.week === 9);
    const trevor = s31w9?.performances.filter((p) => p.couples.includes("Trevor Donovan"));
    expect(trevor?.map((p) => [p.style, p.song, p.scores])).toEqual([
      [null, null, undefined],
      [null, null, undefined],
    ]);
    expect(s31w9?.weeklyScores?.find((w) => w.couple === "Trevor Donovan")).toEqual({
      couple: "Trevor Donovan",
      scores: [8.5, 8, 8, 8],
      dances: 2,
    });
    // S34 week 1: two judges (Carrie Ann Inaba was ill); every dance scored by those two, from the article.
    const s34w1 = season(34).weeks.find((w) => w.week === 1);
    expect(s34w1?.judges).toEqual(["Derek Hough", "Bruno Tonioli"]);
    expect(s34w1?.weeklyScores).toBeUndefined();
    expect(s34w1?.performances.every((p) => p.scores?.length === 2)).toBe(true);
  });

  it("models season 1's rematch special as a labelled week 7, not a competition week", () => {
    const w7 = season(1).weeks.find((w) => w.week === 7);
    expect(w7?.label).toBe("Rematch special");
    expect(season(1).weeks.find((w) => w.isFinale)?.week).toBe(6);
  });
});
