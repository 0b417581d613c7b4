import { describe, expect, it } from "vitest";
import { CoupleResolver, ProDirectory, shortMatches } from "../../tools/data-build/couples.js";
import { parseCsv } from "../../tools/data-build/csv.js";
import { assignEpisodes, parseEpisodes } from "../../tools/data-build/episodes.js";
import { mcmExitWeek, mcmWeekly, parseMcm, splitPartner } from "../../tools/data-build/mcm.js";
import { canonicalName, nameKey, People } from "../../tools/data-build/people.js";

const header = [
  "celebrity_name,ballroom_partner,celebrity_industry,celebrity_homestate,celebrity_homecountry/region,celebrity_age_during_season,season,results,placement",
  ...Array.from({ length: 11 }, (_, w) => [1, 2, 3, 4].map((j) => `week${w + 1}_judge${j}_score`).join(",")),
].join(",");
const weeks = (first: string[]) => [...first, ...Array.from({ length: 44 - first.length }, () => "N/A")].join(",");

describe("MCM table", () => {
  const text = `\uFEFF${header}\r\nDwight Howard\u00a0,Daniella Karagach,Athlete,Georgia,United States,38,33,Eliminated Week 2,6,${weeks(["8", "7", "7", "N/A", "0", "0", "0", "N/A"])}\r\nRobert Irwin,Witney Carson (Xoshitl Gomez week 9),Conservationist,,Australia,22,34,1st Place,1,${weeks(["8", "7", "N/A", "N/A", "9.6666", "10", "10", "N/A"])}\r\n`;
  const rows = parseMcm(text);

  it("reads BOM, CRLF, N/A and already-eliminated zeros", () => {
    expect(rows).toHaveLength(2);
    expect(rows[0]?.celebrity).toBe("Dwight Howard");
    expect(rows[0] && mcmWeekly(rows[0], 1)).toEqual([8, 7, 7]);
    expect(rows[0] && mcmWeekly(rows[0], 2)).toBeNull();
    expect(rows[1] && mcmWeekly(rows[1], 2)).toEqual([9.6666, 10, 10]);
    expect(mcmExitWeek("Eliminated Week 3")).toBe(3);
  });

  it("splits substitutions out of the partner field and fixes typos", () => {
    expect(rows[1]?.pro).toBe("Witney Carson");
    expect(rows[1]?.partnerNote).toBe("Xochitl Gomez week 9");
    expect(splitPartner("Emma Slater/Kaitlyn Bristowe (week 9)")).toEqual({
      pro: "Emma Slater",
      note: "Kaitlyn Bristowe week 9",
    });
    expect(splitPartner("Valentin Chmerkovskiy").pro).toBe("Val Chmerkovskiy");
  });

  it("parses quoted CSV fields", () => {
    expect(parseCsv('a,"b, c","d ""e"""\n')).toEqual([["a", "b, c", 'd "e"']]);
  });
});

describe("people", () => {
  it("has one spelling per person and matches without accents", () => {
    expect(canonicalName("Ashley Hamiliton")).toBe("Ashley Hamilton");
    expect(canonicalName("Sherri Sheperd")).toBe("Sherri Shepherd");
    expect(canonicalName("Veron Davis")).toBe("Vernon Davis");
    expect(canonicalName("Kym Herjavec")).toBe("Kym Johnson");
    expect(nameKey("Hélio Castroneves")).toBe(nameKey("Helio Castroneves"));
    const people = new People();
    people.add("Helio Castroneves");
    people.add("Hélio Castroneves");
    expect(people.get("Helio Castroneves")).toBe("Hélio Castroneves");
  });

  it("resolves the tables' short names and stand-in partners", () => {
    expect(shortMatches("Bill E.", "Bill Engvall")).toBe(3);
    expect(shortMatches("Anna T.", "Anna Trebunskaya")).toBe(3);
    expect(shortMatches("Maks", "Maksim Chmerkovskiy")).toBeGreaterThan(0);
    const pros = new ProDirectory();
    pros.add("Jenna Johnson", 28);
    const r = new CoupleResolver(
      [
        { celebrity: "Sean Spicer", pro: "Lindsay Arnold" },
        { celebrity: "Michael Irvin", pro: "Anna Demidova" },
        { celebrity: "Chuck Liddell", pro: "Anna Trebunskaya" },
      ],
      pros,
      28,
    );
    expect(r.resolve("Sean", "Jenna")).toEqual({ couple: "Sean Spicer", standIn: "Jenna Johnson" });
    expect(r.resolve("Michael", "Anna D.")).toEqual({ couple: "Michael Irvin", standIn: null });
    expect(r.resolve("Joseph", "Alexis", "")).toBeNull();
  });
});

describe("episode tables", () => {
  it("reads titles by position (unnamed title column) and assigns them to weeks", () => {
    const csv =
      'Episode,Air date,Rating\n1,"""Week 1: Premiere""","September 14, 2015",2.1\n2,"""First Dances"" (Clip Show)","September 15, 2015",1.1\n3,"""Week 2: Hometown Glory, Part 1""","September 21, 2015",1.8\n4,"""Week 2: Hometown Glory, Part 2""","September 22, 2015",1.8\n5,"""TV Night""","September 28, 2015",1.8\n';
    const eps = parseEpisodes(csv);
    expect(eps[0]).toEqual({ title: "Week 1: Premiere", airDate: "2015-09-14" });
    const byWeek = assignEpisodes(21, eps, [
      { week: 1, theme: "Premiere Night" },
      { week: 2, theme: "Hometown Glory Week" },
      { week: 3, theme: "TV Night" },
    ]);
    expect(byWeek.get(1)?.map((e) => e.airDate)).toEqual(["2015-09-14"]);
    expect(byWeek.get(2)?.map((e) => e.airDate)).toEqual(["2015-09-21", "2015-09-22"]);
    expect(byWeek.get(3)?.[0]?.airDate).toBe("2015-09-28");
  });
});
