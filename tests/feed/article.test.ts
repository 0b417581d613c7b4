import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { describeChanges } from "../../src/admin/changes.js";
import { checkSeason } from "../../src/admin/validate.js";
import type { SeasonFile, SeasonFilePerformance } from "../../src/data/seasonFile.js";
import { readArticle } from "../../src/feed/article.js";
import { holdReasons, mergeArticle } from "../../src/feed/changes.js";
import { airedCuts } from "../../tools/mediawiki/revisions.js";
import { atPremiere, shippedSeason } from "../support/seasons.js";

const fixtures = join(import.meta.dirname, "../fixtures/wikipedia");
const season34Article = readFileSync(join(fixtures, "season-34.wikitext"), "utf8");
const season35Article = readFileSync(join(fixtures, "season-35-rev1377959004.wikitext"), "utf8");

/** A dance in the show's terms, notes aside: what a fan sees on the leaderboard. */
const dance = (p: SeasonFilePerformance) => ({
  round: p.round,
  status: p.status ?? null,
  style: p.style,
  song: p.song,
  artist: p.artist,
  couples: p.couples,
  scores: p.scores ?? null,
  bonus: p.bonus ?? null,
  team: p.team ?? null,
  winner: p.winner ?? null,
  standIns: p.standIns ?? null,
});
const outcomes = (w: SeasonFile["weeks"][number]) => (w.results ?? []).map((r) => `${r.couple}: ${r.outcome}`).sort();

function valid(doc: SeasonFile): SeasonFile {
  const checked = checkSeason(doc);
  if (!checked.ok) throw new Error(checked.problems.join("\n"));
  return checked.season;
}

describe("the article reader (src/feed/article.ts)", () => {
  test("GIVEN season 35's article as of 2026-10-02 (revision 1377959004) WHEN read THEN weeks 1-3 and week 4's announced dances are exactly what data/ holds", () => {
    const season = shippedSeason(35);
    const article = readArticle(season35Article, season);
    expect(article.weeks.map((w) => w.week)).toEqual([1, 2, 3, 4]);
    for (const week of [1, 2, 3, 4]) {
      const read = article.weeks.find((w) => w.week === week);
      const recorded = season.weeks.find((w) => w.week === week);
      expect(read?.performances.map((p) => dance(p as SeasonFilePerformance))).toEqual(
        recorded?.performances.map(dance),
      );
      expect(read?.airDate).toBe(recorded?.airDate);
      expect((read?.results ?? []).map((r) => `${r.couple}: ${r.outcome}`).sort()).toEqual(
        recorded ? outcomes(recorded) : [],
      );
    }
    expect(article.weeks[3]?.performances.every((p) => p.status === "announced")).toBe(true);
    expect(article.cast).toHaveLength(16);
  });

  test("GIVEN that revision and the season as shipped WHEN merged THEN it changes nothing and holds nothing", () => {
    const season = shippedSeason(35);
    const article = readArticle(season35Article, season);
    const next = valid(mergeArticle(season, article));
    expect(describeChanges(season, next)).toEqual([]);
    expect(holdReasons(season, next, article)).toEqual([]);
  });

  test("GIVEN a revision that corrects one mark WHEN merged THEN the change is that one line, the night's notes kept, nothing held", () => {
    const season = shippedSeason(35);
    const article = readArticle(season35Article.replace("| 21 (7, 7, 7)", "| 22 (8, 7, 7)"), season);
    const next = valid(mergeArticle(season, article));
    expect(describeChanges(season, next)).toEqual([
      'week 1: scores of Harry Shum Jr. · regular · Cha-cha-cha · "Let\'s Groove" (7 · 7 · 7) → (8 · 7 · 7)',
    ]);
    expect(next.weeks[0]?.performances[0]?.note).toBe("Night 1 (Men), 2026-09-15");
    expect(holdReasons(season, next, article)).toEqual([]);
  });

  test("GIVEN season 34 replayed revision by revision from its premiere WHEN each cut is merged THEN every dance, mark, result and placement ends as data/ has them", () => {
    const full = shippedSeason(34);
    let season = atPremiere(full);
    const cuts = airedCuts(season34Article);
    expect(cuts.map((c) => c.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const cut of cuts) {
      const article = readArticle(cut.content, season);
      const next = valid(mergeArticle(season, article));
      expect(describeChanges(season, next).length, `week ${cut.week} brings news`).toBeGreaterThan(0);
      expect(holdReasons(season, next, article), `week ${cut.week}`).toEqual([]);
      season = next;
    }
    for (const recorded of full.weeks) {
      const replayed = season.weeks.find((w) => w.week === recorded.week);
      expect(replayed?.performances.map(dance), `week ${recorded.week}`).toEqual(recorded.performances.map(dance));
      expect(replayed?.judges).toEqual(recorded.judges);
      expect(replayed?.guestJudges ?? null).toEqual(recorded.guestJudges ?? null);
      expect(replayed?.bonus ?? null).toEqual(recorded.bonus ?? null);
      expect(replayed ? outcomes(replayed) : null).toEqual(outcomes(recorded));
      expect(replayed?.noElimination ?? false).toBe(recorded.noElimination ?? false);
      expect(replayed?.isFinale ?? false).toBe(recorded.isFinale ?? false);
      expect(replayed?.status).toBeUndefined();
    }
    const placed = (s: SeasonFile) =>
      s.couples.map((c) => [c.celebrity, c.placement, c.result, c.exitWeek ?? null]).sort();
    expect(placed(season)).toEqual(placed(full));
    // The last revision again: nothing new.
    const last = readArticle(cuts.at(-1)?.content ?? "", season);
    expect(describeChanges(season, valid(mergeArticle(season, last)))).toEqual([]);
  });

  test.each([
    ["a mark changed a lot", (t: string) => t.replace("| 21 (7, 7, 7)", "| 12 (4, 4, 4)"), /a large change/],
    ["a mark outside 1-10", (t: string) => t.replace("| 21 (7, 7, 7)", "| 35 (7, 7, 21)"), /outside the show's 1-10/],
    ["a total that does not add up", (t: string) => t.replace("| 21 (7, 7, 7)", "| 28 (7, 7, 7)"), /not the sum/],
    ["an aired score removed", (t: string) => t.replace("| 21 (7, 7, 7)", "| "), /would be removed/],
    [
      "a couple who vanishes",
      (t: string) => t.replace(/\|-\n! scope="row"\| \{\{sortname\|Jenna\|Dewan[\s\S]*?(?=\n\|-)/, ""),
      /Jenna Dewan & Val Chmerkovskiy are missing/,
    ],
  ] as [string, (t: string) => string, RegExp][])(
    "GIVEN a vandalised revision (%s) WHEN merged THEN it is held with the reason, and the revert clears it",
    (_, vandalise, reason) => {
      const season = shippedSeason(35);
      const vandalised = vandalise(season35Article);
      expect(vandalised).not.toBe(season35Article);
      const article = readArticle(vandalised, season);
      expect(holdReasons(season, mergeArticle(season, article), article).join("\n")).toMatch(reason);
      const reverted = readArticle(season35Article, season);
      expect(holdReasons(season, mergeArticle(season, reverted), reverted)).toEqual([]);
    },
  );
});
