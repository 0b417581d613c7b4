import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSeason34 } from "../../tools/data-build/wikitext34.js";

const couples = [
  { celebrity: "Robert Irwin", pro: "Witney Carson", placement: 1, result: "Winner" },
  { celebrity: "Alix Earle", pro: "Val Chmerkovskiy", placement: 2, result: "Runner-up" },
  { celebrity: "Whitney Leavitt", pro: "Mark Ballas", placement: 6, result: "Eliminated Week 10" },
];

/** A made-up article in the shape of the season 34 page: a judge-order sentence, a table with rowspans and templates. */
const article = `== Cast ==
=== Couples ===
{| class="wikitable"
! Celebrity !! Notability !! Professional partner !! Status
|-
! [[Robert Irwin]]
| Wildlife conservationist
| [[Witney Carson]]
| Winners
|}
== Weekly scores ==
''Individual judges' scores in the charts below (given in parentheses) are listed in this order from left to right: [[Carrie Ann Inaba]], [[Derek Hough]], [[Bruno Tonioli]].''

=== Week 7: Halloween Night ===
''Individual judges' scores in the charts below (given in parentheses) are listed in this order from left to right: Carrie Ann Inaba, Derek Hough, [[Cheryl Burke]], Bruno Tonioli.''

Each couple performed one dance and a marathon.

{| class="wikitable"
! Couple !! Scores !! Dance !! Music !! Result
|-
! scope="row" | Robert & Witney
| {{nowrap|38 (10, 9, 9, 10)}}
| Argentine tango
| "[[Sweet Dreams (Are Made of This)]]" — [[Hampton String Quartet]]
| Safe
|-
! scope="row" | Alix & Val
| 39 (10, 10, 9, 10){{efn|A note.}}
| Tango
| "[[Bury a Friend]]" — [[Billie Eilish]] & "[[Song Two]]" — Other Artist
| Safe
|-
! scope="row" | Robert & Witney
| 3
| rowspan="3" | Hustle<br />Marathon
| colspan="2" rowspan="3" | "[[Murder on the Dancefloor]]" — [[Sophie Ellis-Bextor]]
|-
! scope="row" | Alix & Val
| 4
|-
! scope="row" | Whitney & Mark
| 0
|}

=== Week 9: 20th Birthday Party ===
Six couples also participated in a dance relay for two bonus points. For receiving the highest cumulative points, Whitney & Mark earned immunity from the dance relays and automatically received two bonus points.

{| class="wikitable"
! Couple !! Dance !! Music !! Result
|-
! scope="row" | Robert & [[Xochitl Gomez]]<br /><small>''(Season 32 winner)''</small>
| rowspan="2" | Jive<br />Relay
| rowspan="2" | "[[Dance with Me Tonight]]" — [[Olly Murs]]
| '''Winners'''
|-
! scope="row" | Alix & [[Joey Graziadei]]<br /><small>''(Season 33 winner)''</small>
| Losers
|}
`;

describe("season 34 from wikitext (wtf_wikipedia)", () => {
  const parsed = parseSeason34(article, couples);

  it("reads each week's judge order, with the season's default where the week gives none", () => {
    expect(parsed.weeks.map((w) => [w.week, w.theme, w.judges])).toEqual([
      [7, "Halloween Night", ["Carrie Ann Inaba", "Derek Hough", "Cheryl Burke", "Bruno Tonioli"]],
      [9, "20th Birthday Party", ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"]],
    ]);
  });

  it("reads couples by first names, per-judge scores inside templates, and medleys joined with ' / '", () => {
    const [robert, alix] = parsed.weeks[0]?.performances ?? [];
    expect(robert).toEqual({
      round: "regular",
      style: "Argentine tango",
      song: "Sweet Dreams (Are Made of This)",
      artist: "Hampton String Quartet",
      couples: ["Robert Irwin"],
      scores: [10, 9, 9, 10],
    });
    expect([alix?.song, alix?.artist, alix?.scores]).toEqual([
      "Bury a Friend / Song Two",
      "Billie Eilish / Other Artist",
      [10, 10, 9, 10],
    ]);
  });

  it("turns the rowspan marathon rows into one unscored marathon with each couple's bonus points", () => {
    const marathon = parsed.weeks[0]?.performances.find((p) => p.round === "marathon");
    expect(marathon?.couples).toEqual(["Robert Irwin", "Alix Earle", "Whitney Leavitt"]);
    expect(marathon?.scores).toBeUndefined();
    expect(marathon?.bonus).toEqual([
      { couple: "Robert Irwin", points: 3, reason: "Dance marathon" },
      { couple: "Alix Earle", points: 4, reason: "Dance marathon" },
    ]);
  });

  it("pairs relay rows into one relay, the champions as stand-ins, the winner's points from the week's paragraph", () => {
    const week9 = parsed.weeks[1];
    expect(week9?.performances).toEqual([
      {
        round: "relay",
        style: "Jive",
        song: "Dance with Me Tonight",
        artist: "Olly Murs",
        couples: ["Robert Irwin", "Alix Earle"],
        standIns: [
          { couple: "Robert Irwin", by: "Xochitl Gomez", for: "Witney Carson" },
          { couple: "Alix Earle", by: "Joey Graziadei", for: "Val Chmerkovskiy" },
        ],
        bonus: [{ couple: "Robert Irwin", points: 2, reason: "Won the relay" }],
        winner: "Robert Irwin",
        note: "Each celebrity danced with a returning mirrorball champion instead of their pro",
      },
    ]);
    expect(week9?.bonus).toEqual([{ couple: "Whitney Leavitt", points: 2, reason: "Immunity from the dance relays" }]);
  });

  it("reads the cast table's notability", () => {
    expect(parsed.notability.get("robert irwin")).toBe("Wildlife conservationist");
  });
});

const sources = resolve(import.meta.dirname, "../../../shared/data");
const hasArticle = (() => {
  try {
    return readdirSync(join(sources, "wikipedia-2026")).includes("season_34.wikitext");
  } catch {
    return false;
  }
})();

describe.skipIf(!hasArticle)("the real season 34 article (needs ../shared/data)", () => {
  it("gives all eleven weeks: 122 couple dances scored judge by judge, two team dances, a marathon and three relays", () => {
    const season = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../data/seasons/season-34.json"), "utf8"));
    const parsed = parseSeason34(
      readFileSync(join(sources, "wikipedia-2026", "season_34.wikitext"), "utf8"),
      season.couples,
    );
    const all = parsed.weeks.flatMap((w) => w.performances);
    const own = all.filter((p) => p.couples.length === 1);
    expect(parsed.weeks.map((w) => w.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(own).toHaveLength(122);
    expect(own.every((p) => p.scores?.length && p.style && p.song)).toBe(true);
    expect(all.filter((p) => p.round === "team").map((p) => p.team)).toEqual(["Team Chicago", "Team Kool"]);
    expect(all.filter((p) => p.round === "marathon")).toHaveLength(1);
    expect(all.filter((p) => p.round === "relay")).toHaveLength(3);
  });
});
