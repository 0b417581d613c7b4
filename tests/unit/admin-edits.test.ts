import { describe, expect, test } from "vitest";
import { adminRefusal } from "../../src/admin/access.js";
import { describeChanges } from "../../src/admin/changes.js";
import {
  addDance,
  newSeason,
  parseScores,
  setExits,
  setFinale,
  setSaveVote,
  setScores,
  setWeekBonus,
  upsertCouple,
  upsertNight,
} from "../../src/admin/edits.js";
import { checkSeason, completeNights } from "../../src/admin/validate.js";
import type { SeasonFile } from "../../src/data/seasonFile.js";
import { UserError } from "../../src/errors.js";

const judges = ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"];
const cast = [
  ["Ana Star", "Val Pro"],
  ["Ben Star", "Jenna Pro"],
  ["Cleo Star", "Sasha Pro"],
  ["Dev Star", "Emma Pro"],
] as const;

function season(): SeasonFile {
  let doc = newSeason({ season: 35, premiere: "2026-09-15", hosts: ["Julianne Hough", "Alfonso Ribeiro"], judges });
  for (const [celebrity, pro] of cast) doc = upsertCouple(doc, { celebrity, pro });
  doc = upsertNight(doc, { week: 1, airDate: "2026-09-15", theme: "Premiere", guestJudges: [] });
  return doc;
}

function danced(doc: SeasonFile, week: number, scores: number[][]): SeasonFile {
  return cast.reduce(
    (d, [celebrity], i) =>
      addDance(d, {
        week,
        round: "regular",
        style: `Style ${i}`,
        song: "Song",
        artist: "Artist",
        couples: [celebrity],
        scores: scores[i] ?? null,
      }),
    doc,
  );
}

const expectValid = (doc: SeasonFile) => {
  const checked = checkSeason(doc);
  if (!checked.ok) throw new Error(checked.problems.join("\n"));
};

describe("admin edits of a season document", () => {
  test("GIVEN a new season WHEN couples, a night and dances are added THEN the document passes the data/ rules", () => {
    const doc = danced(season(), 1, [
      [7, 7, 8],
      [6, 6, 6],
      [8, 8, 8],
      [5, 6, 5],
    ]);
    expectValid(doc);
    expect(doc.couples.map((c) => c.result)).toEqual(["Competing", "Competing", "Competing", "Competing"]);
    expect(doc.weeks[0]?.performances).toHaveLength(4);
    expect(completeNights(doc)).toEqual([1]);
  });

  test("GIVEN a season edit WHEN applied THEN the original document is untouched", () => {
    const before = season();
    const copy = structuredClone(before);
    upsertCouple(before, { celebrity: "Eve Star", pro: "Alan Pro" });
    expect(before).toEqual(copy);
  });

  test("GIVEN a season with no couples THEN it is a valid draft", () => {
    const checked = checkSeason(newSeason({ season: 35, premiere: null, hosts: [], judges }));
    expect(checked.ok).toBe(true);
  });

  test.each([
    ["8 9 10", [8, 9, 10]],
    ["8,9.5,-", [8, 9.5, null]],
    ["  7   7 7 ", [7, 7, 7]],
  ])("GIVEN scores typed %s THEN they parse to %o", (typed, scores) => {
    expect(parseScores(typed)).toEqual(scores);
  });

  test("GIVEN a score outside 0-10 WHEN validated THEN the problem names its place and nothing is accepted", () => {
    const doc = danced(season(), 1, [[11, 7, 8]]);
    const checked = checkSeason(doc);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems[0]).toMatch(/^weeks\[0\]\.performances\[0\]\.scores\[0\] /);
  });

  test("GIVEN the wrong number of scores WHEN a dance is added THEN a sentence names the panel", () => {
    expect(() =>
      addDance(season(), {
        week: 1,
        round: "regular",
        style: "Tango",
        song: null,
        artist: null,
        couples: ["Ana Star"],
        scores: [8, 8],
      }),
    ).toThrow(/3 judges \(Carrie Ann Inaba, Derek Hough, Bruno Tonioli\)/);
  });

  test("GIVEN a couple from another season WHEN named THEN the sentence lists this season's celebrities", () => {
    expect(() => setWeekBonus(season(), { week: 1, couple: "Xochitl Gomez", points: 2 })).toThrow(
      /no couple called "Xochitl Gomez".*Ana Star, Ben Star/,
    );
  });

  test("GIVEN the same dance twice in a night WHEN validated THEN the duplicate is refused", () => {
    const dance = {
      week: 1,
      round: "regular" as const,
      style: "Tango",
      song: null,
      artist: null,
      couples: ["Ana Star"],
      scores: null,
    };
    const checked = checkSeason(addDance(addDance(season(), dance), dance));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.join()).toMatch(/weeks\[0\]\.performances\[1\] repeats performances\[0\]/);
  });

  test("GIVEN week 2 dated before week 1 WHEN validated THEN the dates out of order are named", () => {
    const doc = upsertNight(season(), { week: 2, airDate: "2026-09-01", theme: null, guestJudges: [] });
    const checked = checkSeason(doc);
    expect(checked.ok).toBe(false);
    if (!checked.ok)
      expect(checked.problems.join()).toMatch(
        /weeks\[1\]\.airDate 2026-09-01 \(week 2\) is before week 1 \(2026-09-15\)/,
      );
  });

  test("GIVEN a guest judge WHEN the night is added THEN the panel has four seats and scores need four", () => {
    const doc = upsertNight(season(), { week: 2, airDate: "2026-09-22", theme: "Guest", guestJudges: ["Len Goodman"] });
    expect(doc.weeks[1]?.judges).toEqual([...judges, "Len Goodman"]);
    expect(doc.weeks[1]?.guestJudges).toEqual(["Len Goodman"]);
    expectValid(danced(doc, 2, [[8, 8, 8, 9]]));
  });

  test("GIVEN eliminations WHEN recorded, corrected and the finale placed THEN exits and placements follow", () => {
    let doc = danced(season(), 1, [
      [7, 7, 8],
      [6, 6, 6],
      [8, 8, 8],
      [5, 6, 5],
    ]);
    doc = setExits(doc, { week: 1, couples: ["Dev Star"], outcome: "eliminated" });
    expect(doc.couples.find((c) => c.celebrity === "Dev Star")).toMatchObject({
      exitWeek: 1,
      placement: 4,
      result: "Eliminated Week 1",
    });
    // A correction: Ben went home, not Dev.
    doc = setExits(doc, { week: 1, couples: ["Ben Star"], outcome: "eliminated" });
    expect(doc.couples.find((c) => c.celebrity === "Dev Star")).toMatchObject({ exitWeek: null, result: "Competing" });
    expect(doc.weeks[0]?.results).toEqual([{ couple: "Ben Star", outcome: "eliminated" }]);
    doc = upsertNight(doc, { week: 2, airDate: "2026-09-22", theme: "Finale", guestJudges: [] });
    doc = setFinale(doc, { week: 2, placements: [["Cleo Star"], ["Ana Star"], ["Dev Star"]] });
    expect(doc.couples.map((c) => [c.celebrity, c.placement, c.result])).toEqual([
      ["Ana Star", 2, "Runner-up"],
      ["Ben Star", 4, "Eliminated Week 1"],
      ["Cleo Star", 1, "Winner"],
      ["Dev Star", 3, "Third place"],
    ]);
    expect(doc.finale).toBe("2026-09-22");
    expectValid(doc);
  });

  test("GIVEN a couple recorded as leaving in week 2 WHEN their exit is moved to week 1 THEN week 2 no longer lists it", () => {
    let doc = danced(season(), 1, [
      [7, 7, 8],
      [6, 6, 6],
      [8, 8, 8],
      [5, 6, 5],
    ]);
    doc = upsertNight(doc, { week: 2, airDate: "2026-09-22", theme: "Week 2", guestJudges: [] });
    doc = setExits(doc, { week: 2, couples: ["Dev Star"], outcome: "eliminated" });
    doc = setExits(doc, { week: 1, couples: ["Dev Star"], outcome: "eliminated" });
    expect(doc.weeks[0]?.results).toEqual([{ couple: "Dev Star", outcome: "eliminated" }]);
    expect(doc.weeks[1]?.results).toBeUndefined();
    expect(doc.couples.find((c) => c.celebrity === "Dev Star")).toMatchObject({
      exitWeek: 1,
      result: "Eliminated Week 1",
    });
    expectValid(doc);
  });

  test("GIVEN a judges' save vote by someone off the panel THEN it is refused", () => {
    expect(() => setSaveVote(season(), { week: 1, judge: "Len Goodman", saved: "Ana Star" })).toThrow(UserError);
    expect(setSaveVote(season(), { week: 1, judge: "derek hough", saved: "ana star" }).weeks[0]?.judgesSave).toEqual([
      { judge: "Derek Hough", saved: "Ana Star" },
    ]);
  });

  test("GIVEN a score correction WHEN described THEN the audit line shows old and new scores", () => {
    const before = danced(season(), 1, [[7, 7, 8]]);
    const after = setScores(before, { week: 1, couple: "Ana Star", scores: [8, 8, 8] });
    expect(describeChanges(before, after)).toEqual([
      'week 1: scores of Ana Star · regular · Style 0 · "Song" (7 · 7 · 8) → (8 · 8 · 8)',
    ]);
  });

  test("GIVEN every season file in data/ WHEN checked by the admin rules THEN all pass", async () => {
    const { readSeasonFiles } = await import("../../src/data/loadSeasonFiles.js");
    const problems = (await readSeasonFiles()).flatMap((f) => {
      const checked = checkSeason(f.season);
      return checked.ok ? [] : checked.problems.map((p) => `${f.file}: ${p}`);
    });
    expect(problems).toEqual([]);
  });
});

describe("who may use the admin commands", () => {
  const config = { BOT_OWNER_IDS: ["111111111111111111"], ADMIN_GUILD_ID: "222222222222222222" };
  test.each([
    [{ guildId: "222222222222222222", user: { id: "111111111111111111" } }, null],
    [{ guildId: "222222222222222222", user: { id: "333333333333333333" } }, /Only the bot's owners/],
    [{ guildId: "444444444444444444", user: { id: "111111111111111111" } }, /only in the bot owners' admin server/],
    [{ guildId: null, user: { id: "111111111111111111" } }, /only in the bot owners' admin server/],
  ])("GIVEN %o THEN the refusal is %s", (who, expected) => {
    const refusal = adminRefusal(config, who);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});
