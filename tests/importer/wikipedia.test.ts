import { describe, expect, it } from "vitest";
import { seasonFileSchema } from "../../src/data/seasonFile.js";
import { ProDirectory } from "../../tools/data-build/couples.js";
import { parseMcm } from "../../tools/data-build/mcm.js";
import { People } from "../../tools/data-build/people.js";
import { parseWikipediaPage } from "../../tools/data-build/wikipedia.js";
import { wikiToSeason } from "../../tools/data-build/wikiSeason.js";

const page = `<html><body>
<table class="infobox"><tr><th>Hosted by</th><td>Tom Bergeron<br>Lisa Canning</td></tr>
<tr><th>Judges</th><td>Carrie Ann Inaba<br>Len Goodman<br>Bruno Tonioli</td></tr>
<tr><th>Original release</th><td>June 1 (2005-06-01) – June 15, 2005 (2005-06-15)</td></tr></table>
<h2><span class="mw-headline" id="Cast">Cast</span></h2>
<table class="wikitable"><tr><th>Celebrity</th><th>Notability (known for)</th><th>Professional partner</th><th>Status</th></tr>
<tr><th>Kelly Monaco</th><td>Actress</td><td>Alec Mazo</td><td>Winners</td></tr>
<tr><th>John O'Hurley</th><td>Actor</td><td>Charlotte Jørgensen</td><td>Runners-up</td></tr>
<tr><th>Trista Sutter</th><td>TV</td><td>Louis van Amstel</td><td>Eliminated 1st</td></tr></table>
<h2><span class="mw-headline" id="Weekly_scores">Weekly scores</span></h2>
<p>Individual judges' scores in the charts below (given in parentheses) are listed in this order from left to right: Carrie Ann Inaba, Len Goodman, Bruno Tonioli.</p>
<h3><span class="mw-headline">Week 1: First Dances</span></h3>
<p>Couples are listed in the order they performed.</p>
<table class="wikitable"><tr><th>Couple</th><th>Scores</th><th>Dance</th><th>Music</th><th>Result</th></tr>
<tr><th rowspan="2">Kelly &amp; Alec</th><td>13 (5, 4, 4)</td><td>Waltz</td><td>"I Have Nothing"—Whitney Houston</td><td rowspan="2">Safe</td></tr>
<tr><td>15 (5, 5, 5)</td><td>Rumba</td><td>"Hero"—Enrique Iglesias</td></tr>
<tr><th>John &amp; Charlotte</th><td>20 (7, 7, 6)<sup>[1]</sup></td><td>Cha-cha-cha</td><td>"September"—Earth, Wind &amp; Fire</td><td>Safe</td></tr>
<tr><th>Trista &amp; Louis</th><td>18 (6, 6, 6)</td><td>Waltz</td><td>"Come Away with Me"—Norah Jones</td><td bgcolor="f4c7b8">Eliminated</td></tr>
<tr><th>Kelly &amp; Alec<br>John &amp; Charlotte</th><td>No scores<br>received</td><td>Group<br>Viennese waltz</td><td colspan="2">"I Got You Babe"—Sonny &amp; Cher</td></tr>
<tr><th>Kelly &amp; Alec</th><td>3</td><td>Swing<br>Marathon</td><td colspan="2">"In the Mood"—Ernie Fields</td></tr>
<tr><th>John &amp; Charlotte</th><td>2</td><td>Swing<br>Marathon</td><td colspan="2">"In the Mood"—Ernie Fields</td></tr></table>
<h3><span class="mw-headline">Week 2: Finale</span></h3>
<table class="wikitable"><tr><th>Couple</th><th>Scores</th><th>Dance</th><th>Music</th><th>Result</th></tr>
<tr><th>Kelly &amp; Alec</th><td>30 (10, 10, 10)</td><td>Freestyle</td><td>"Let's Get Loud"—Jennifer Lopez</td><td>Winners</td></tr>
<tr><th>John &amp; Charlotte</th><td>27 (9, 9, 9)</td><td>Freestyle</td><td>"I'm So Excited"—The Pointer Sisters</td><td>Runners-up</td></tr></table>
<h2>Ratings</h2></body></html>`;

describe("Wikipedia season page", () => {
  const parsed = parseWikipediaPage(page);

  it("reads infobox, cast and weekly tables (rowspans, colspans, footnotes)", () => {
    expect(parsed.hosts).toEqual(["Tom Bergeron", "Lisa Canning"]);
    expect(parsed.premiere).toBe("2005-06-01");
    expect(parsed.cast.map((c) => c.celebrity)).toEqual(["Kelly Monaco", "John O'Hurley", "Trista Sutter"]);
    expect(parsed.weeks.map((w) => [w.week, w.theme])).toEqual([
      [1, "First Dances"],
      [2, "Finale"],
    ]);
    expect(parsed.weeks[0]?.judges).toEqual(["Carrie Ann Inaba", "Len Goodman", "Bruno Tonioli"]);
  });

  it("builds a valid season file with dances, groups, marathon bonus and results", () => {
    const mcmCsv = [
      "celebrity_name,ballroom_partner,celebrity_industry,celebrity_homestate,celebrity_homecountry/region,celebrity_age_during_season,season,results,placement",
      "Kelly Monaco,Alec Mazo,Actor/Actress,Pennsylvania,United States,29,1,1st Place,1",
      "John O'Hurley,Charlotte Jorgensen,Actor/Actress,Maine,United States,50,1,2nd Place,2",
      "Trista Sutter,Louis van Amstel,TV Personality,Indiana,United States,32,1,Eliminated Week 1,3",
    ].join("\n");
    const people = new People();
    for (const c of parsed.cast) people.add(c.pro);
    const { file } = wikiToSeason({
      season: 1,
      page: parsed,
      mcm: parseMcm(mcmCsv),
      episodes: null,
      people,
      pros: new ProDirectory(),
      wikipedia: null,
    });
    const s = seasonFileSchema.parse(file);
    const w1 = s.weeks[0];
    expect(w1?.performances.map((p) => [p.round, p.style, p.couples.length])).toEqual([
      ["regular", "Waltz", 1],
      ["regular", "Rumba", 1],
      ["regular", "Cha-cha-cha", 1],
      ["regular", "Waltz", 1],
      ["group", "Viennese waltz", 2],
      ["marathon", "Swing", 2],
    ]);
    expect(w1?.performances[2]).toMatchObject({ song: "September", artist: "Earth, Wind & Fire", scores: [7, 7, 6] });
    expect(w1?.performances[5]?.bonus?.map((b) => [b.couple, b.points])).toEqual([
      ["Kelly Monaco", 3],
      ["John O'Hurley", 2],
    ]);
    expect(w1?.results).toEqual([{ couple: "Trista Sutter", outcome: "eliminated" }]);
    expect(s.weeks[1]?.isFinale).toBe(true);
    expect(s.couples.map((c) => [c.celebrity, c.result, c.exitWeek])).toEqual([
      ["Kelly Monaco", "Winner", null],
      ["John O'Hurley", "Runner-up", null],
      ["Trista Sutter", "Eliminated Week 1", 1],
    ]);
    expect(s.couples[1]?.pro).toBe("Charlotte Jørgensen");
  });
});
