import { describe, expect, it } from "vitest";
import { statedDanceOffBonus, statedImmunityBonus } from "../../tools/data-build/wikiBonus.js";
import {
  parseCoupleCell,
  parseDanceCell,
  parseJudgeOrder,
  parseMusicCell,
  parseResultCell,
  parseScoreCell,
  parseWeekHeading,
} from "../../tools/data-build/wikiCells.js";

describe("Wikipedia cell parsers", () => {
  it("reads scores, abstentions, ranking points and unscored cells", () => {
    expect(parseScoreCell("20 (7, 7, 6)")).toEqual({ kind: "scores", total: 20, scores: [7, 7, 6] });
    expect(parseScoreCell("24.5 (8, 8, 8.5)")).toEqual({ kind: "scores", total: 24.5, scores: [8, 8, 8.5] });
    expect(parseScoreCell("30 (10, 10, 10, X)")).toEqual({ kind: "scores", total: 30, scores: [10, 10, 10, null] });
    expect(parseScoreCell("4")).toEqual({ kind: "points", points: 4 });
    expect(parseScoreCell("No scores\nreceived")).toEqual({ kind: "none" });
  });

  it("splits songs and artists, including medleys and header-given artists", () => {
    expect(parseMusicCell('"Crazy in Love"—Beyoncé feat. Jay-Z')).toEqual({
      song: "Crazy in Love",
      artist: "Beyoncé feat. Jay-Z",
    });
    expect(parseMusicCell('"Hot in Herre"—Nelly\n"Doop"—Doop')).toEqual({
      song: "Hot in Herre / Doop",
      artist: "Nelly / Doop",
    });
    expect(parseMusicCell('"Express Yourself"—Charles Wright\n& the Watts 103rd Street Rhythm Band').artist).toBe(
      "Charles Wright & the Watts 103rd Street Rhythm Band",
    );
    expect(parseMusicCell('"Escapade"', "Janet Jackson")).toEqual({ song: "Escapade", artist: "Janet Jackson" });
    expect(parseMusicCell('"So This Is Love"—from Cinderella').artist).toBe("Cinderella");
  });

  it("finds team names, group/relay/marathon markers and fused styles", () => {
    expect(parseDanceCell("Team\nCha-cha-cha")).toEqual({ style: "Cha-cha-cha", markers: ["team"], team: null });
    expect(parseDanceCell("Cha-cha-cha\n(Team Gaga)")).toEqual({
      style: "Cha-cha-cha",
      markers: ["team"],
      team: "Team Gaga",
    });
    expect(parseDanceCell("Swing\nMarathon")).toEqual({ style: "Swing", markers: ["marathon"], team: null });
    expect(parseDanceCell("Samba Relay").markers).toEqual(["relay"]);
    expect(parseDanceCell("Salsa &\nPaso doble").style).toBe("Salsa & Paso doble");
  });

  it("reads couples, results, headings and judge orders", () => {
    expect(parseCoupleCell("Joey & Ashly\nJohn & Charlotte").pairs).toEqual([
      ["Joey", "Ashly"],
      ["John", "Charlotte"],
    ]);
    expect(parseResultCell("Eliminated\nby judges’ votes").outcome).toBe("eliminated");
    expect(parseResultCell("Bottom two").outcome).toBe("bottom");
    expect(parseResultCell("Safe\n(later withdrew)").outcome).toBe("safe");
    expect(parseResultCell("Immunity").outcome).toBe("immune");
    expect(parseWeekHeading("Week 6: Finale")).toEqual({ week: 6, theme: "Finale" });
    expect(parseWeekHeading("Week 1")).toEqual({ week: 1, theme: null });
    expect(
      parseJudgeOrder(
        "Individual judges' scores are given in this order from left to right: Carrie Ann Inaba, Len Goodman, Michael Bublé, Derek Hough, Bruno Tonioli.",
      ),
    ).toEqual(["Carrie Ann Inaba", "Len Goodman", "Michael Bublé", "Derek Hough", "Bruno Tonioli"]);
  });

  it("reads bonus sizes stated in words", () => {
    expect(
      statedDanceOffBonus(
        "For each dance-off, the judges chose a winning couple and added three bonus points to their scores.",
      ),
    ).toBe(3);
    expect(statedDanceOffBonus("The winner of each dance-off earned two points.")).toBe(2);
    expect(statedDanceOffBonus("The couples participated in dance-offs for extra points.")).toBeNull();
    expect(statedImmunityBonus("For winning immunity, Nastia & Sasha received a three-point bonus.")).toBe(3);
  });
});
