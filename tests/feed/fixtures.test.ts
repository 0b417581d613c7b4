import { existsSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { airedCuts, stripRefs } from "../../tools/mediawiki/revisions.js";

const dir = "tests/fixtures/wikipedia";
const read = (file: string) => readFileSync(`${dir}/${file}`, "utf8");
/** A week's heading, so "=== Week 1" does not also match "=== Week 10". */
const weekHeading = (k: number) => new RegExp(`^===\\s*Week ${k}\\b`, "m");

describe("stripRefs", () => {
  test("GIVEN named, unnamed, self-closing and upper-case references WHEN stripped THEN none is left, and comments and <references /> stay", () => {
    const wikitext = [
      'Robert Irwin won.<ref name="finalscores">{{Cite web |title=Finale <br/> scores}}</ref>',
      "Ratings rose.<ref name=ratings34 />",
      '<REF>{{cite news|title=x}}</REF >Troupe.<ref group=n name="t" >note</ref>',
      "| num_episodes = 12<!-- This is INCLUDING the holiday special episode -->",
      "<references />",
    ].join("\n");

    expect(stripRefs(wikitext)).toBe(
      [
        "Robert Irwin won.",
        "Ratings rose.",
        "Troupe.",
        "| num_episodes = 12<!-- This is INCLUDING the holiday special episode -->",
        "<references />",
      ].join("\n"),
    );
  });

  test("GIVEN the committed fixtures WHEN read THEN they exist and hold no reference", () => {
    for (const file of ["season-34.wikitext", "season-35-rev1377959004.wikitext", "README.md"])
      expect(existsSync(`${dir}/${file}`), file).toBe(true);
    for (const file of ["season-34.wikitext", "season-35-rev1377959004.wikitext"]) {
      const text = read(file);
      expect(text).not.toMatch(/<ref[\s>/]/i);
      expect(stripRefs(text)).toBe(text);
      expect(text).toContain("== Weekly scores ==");
    }
  });
});

describe("airedCuts", () => {
  const article = read("season-34.wikitext");
  const cuts = airedCuts(article);

  test("GIVEN season 34's finished article WHEN replayed as aired THEN one cut per week, 1 to 11, in order", () => {
    expect(cuts.map((c) => c.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test("GIVEN each cut k WHEN read THEN it has week k's section and no later week's", () => {
    for (const { week, content } of cuts) {
      expect(content, `week ${week}`).toMatch(weekHeading(week));
      expect(content, `week ${week}`).not.toMatch(weekHeading(week + 1));
      for (let k = 1; k <= week; k++) expect(content, `week ${week} has week ${k}`).toMatch(weekHeading(k));
    }
  });

  test("GIVEN each cut WHEN read THEN it has the couples table, the episodes and the references, and no whole-season chart or reception", () => {
    const couplesTable = article.slice(article.indexOf("=== Couples ==="), article.indexOf("=== Hosts and judges ==="));
    expect(couplesTable).toContain("{| class=");
    for (const { week, content } of cuts) {
      expect(content, `week ${week}`).toContain(couplesTable);
      expect(content, `week ${week}`).toMatch(/^==\s*Episodes\s*==$/m);
      expect(content, `week ${week}`).toMatch(/^==\s*Weekly scores\s*==$/m);
      expect(content, `week ${week}`).toMatch(/^==\s*References\s*==\n\{\{Reflist\}\}/m);
      expect(content, `week ${week}`).not.toMatch(/^==\s*(Dance chart|Scoring chart|Reception)\s*==/m);
      expect(content.startsWith(article.slice(0, article.indexOf("== Cast ==")))).toBe(true);
    }
  });

  test("GIVEN the last cut WHEN compared with the article THEN it is the article without the charts and the reception", () => {
    const last = cuts.at(-1)?.content ?? "";
    const without = (text: string, from: RegExp, to: RegExp) => {
      const start = text.search(from);
      const end = text.search(to);
      return text.slice(0, start) + text.slice(end);
    };
    let expected = without(article, /^== Scoring chart ==$/m, /^== Weekly scores ==$/m);
    expected = without(expected, /^== Dance chart ==$/m, /^==References==$/m);
    expect(last).toBe(expected);
  });

  test("GIVEN headings written with or without spaces and a week with a subsection WHEN cut THEN the sections are found alike", () => {
    const article = [
      "Lead.",
      "==Cast==",
      "couples",
      "==Scoring chart==",
      "chart",
      "== Weekly scores ==",
      "judges' order",
      "===Week 1: Premiere===",
      "w1",
      "==== Night 2 ====",
      "w1n2",
      "=== Week 2 ===",
      "w2",
      "=== Special ===",
      "special",
      "== Dance chart ==",
      "dances",
      "== References ==",
      "{{Reflist}}",
    ].join("\n");

    const cuts = airedCuts(article);

    expect(cuts).toEqual([
      {
        week: 1,
        content:
          "Lead.\n==Cast==\ncouples\n== Weekly scores ==\njudges' order\n===Week 1: Premiere===\nw1\n==== Night 2 ====\nw1n2\n\n== References ==\n{{Reflist}}",
      },
      {
        week: 2,
        content:
          "Lead.\n==Cast==\ncouples\n== Weekly scores ==\njudges' order\n===Week 1: Premiere===\nw1\n==== Night 2 ====\nw1n2\n=== Week 2 ===\nw2\n\n== References ==\n{{Reflist}}",
      },
    ]);
  });

  test("GIVEN season 35 as of week 3 WHEN cut THEN one cut per announced week section", () => {
    expect(airedCuts(read("season-35-rev1377959004.wikitext")).map((c) => c.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
