import { describe, expect, test } from "vitest";
import { candidateNote, leagueMessageView, standingsView, teamView } from "../../src/commands/league/view.js";
import type { LeagueRow } from "../../src/db/queries/leagues/index.js";
import { defaultRules } from "../../src/leagues/scoring.js";
import type { CastMember, LeagueState, TeamStanding } from "../../src/leagues/state.js";
import { checkMessage } from "../../tools/local-discord/limits.js";

const long = (s: string) => `${s} ${"@everyone ".repeat(20)}`;
const snowflake = (i: number) => String(930000000000000000n + BigInt(i));

function castMember(i: number, extra: Partial<CastMember> = {}): CastMember {
  return {
    id: i + 1,
    coupleId: i + 1,
    celebrity: long(`Celebrity ${i}`).slice(0, 90),
    pro: `Pro ${i} With A Rather Long Professional Dancer Name`,
    proId: 100 + i,
    placement: null,
    exitWeek: null,
    lastWeek: 20 + i,
    proSeasons: i,
    proTitles: i % 3,
    proAveragePlacement: i ? 5.25 : null,
    ...extra,
  };
}

/** 16 teams, long names everywhere, 30 couples, every couple drafted but 14, in the middle of waivers. */
function bigState(status: LeagueRow["status"]): LeagueState {
  const teams = Array.from({ length: 16 }, (_, i) => ({
    id: i + 1,
    leagueId: 1,
    userId: snowflake(i),
    name: long(`Team ${i}`).slice(0, 60),
    joinedAt: new Date(),
  }));
  const cast = Array.from({ length: 30 }, (_, i) => castMember(i));
  const picks = cast.slice(0, 16).map((c, i) => ({
    id: i + 1,
    leagueId: 1,
    turn: i,
    teamId: (i % 16) + 1,
    coupleId: c.id,
    kind: i % 5 === 0 ? ("auto" as const) : ("pick" as const),
    fromWeek: 1,
    pickedAt: new Date(),
  }));
  const league: LeagueRow = {
    id: 1,
    guildId: "1",
    channelId: "2",
    messageId: "3",
    creatorId: snowflake(0),
    name: long("The League"),
    seasonId: 1,
    mode: "replay",
    status,
    teamSize: 1,
    pickSeconds: 120,
    rules: { ...defaultRules },
    turn: 16,
    clockEndsAt: new Date(Date.now() + 60_000),
    waiverOrder: teams.map((t) => t.id),
    waiverStart: 16,
    waiverWeek: 3,
    releasedWeek: 3,
    scoredVersion: null,
    createdAt: new Date(),
  };
  return {
    league,
    rules: defaultRules,
    season: { id: 1, number: 32, decided: true },
    teams,
    picks,
    cast,
    weekNumbers: Array.from({ length: 11 }, (_, i) => i + 1),
    onClock: teams[0] ?? null,
  };
}

describe("league views", () => {
  test.each(["open", "drafting", "waivers", "active", "finished"] as const)(
    "GIVEN 16 teams with long names WHEN the %s league message is drawn THEN it fits Discord's limits and pings nobody",
    (status) => {
      const view = leagueMessageView(bigState(status));
      expect(checkMessage(view)).toEqual([]);
      // Names in the embeds are escaped; a menu's labels never ping.
      expect(JSON.stringify(view.embeds)).not.toContain("@everyone");
    },
  );

  test("GIVEN waivers WHEN drawn THEN the menu holds at most 25 couples and the keep button is there", () => {
    const view = leagueMessageView(bigState("waivers"));
    const ids = view.components.flatMap((r) => r.components.map((c) => ("custom_id" in c ? c.custom_id : "")));
    expect(ids).toEqual(["lg:pick:1:16", "lg:keep:1:16"]);
  });

  test("GIVEN standings of 16 teams WHEN drawn THEN the chart is attached and the embed fits", async () => {
    const state = bigState("active");
    const standings: TeamStanding[] = state.teams.map((team, i) => ({
      rank: i + 1,
      team,
      total: 300 - i * 7.5,
      change: -5,
      byWeek: [100, 200, 300 - i * 7.5],
    }));
    const view = await standingsView(state, standings);
    expect(checkMessage(view)).toEqual([]);
    expect(view.files?.[0]?.name).toBe("league-1.png");
    expect(view.embeds[0]?.description).toContain("(−5 week 3)");
  });

  test("GIVEN a roster WHEN drawn THEN each couple's weekly points are listed", () => {
    const state = bigState("active");
    const couple = state.cast[0] as CastMember;
    const pick = state.picks[0];
    if (!pick) throw new Error("no pick");
    const view = teamView(state, "Team Zero", snowflake(0), [
      {
        couple,
        pick,
        weeks: new Map([
          [1, 21],
          [2, 32.5],
        ]),
        total: 53.5,
      },
    ]);
    expect(view.embeds[0]?.description).toContain("W1 21 · W2 32.5");
    expect(checkMessage(view)).toEqual([]);
  });

  test("GIVEN a pro's record or last week's score WHEN described in the menu THEN the show's words are used", () => {
    expect(candidateNote(castMember(0), false)).toBe("Pro 0 With A Rather Long Professional Dancer Name: first season");
    expect(candidateNote(castMember(4), false)).toBe(
      "Pro 4 With A Rather Long Professional Dancer Name: 1 title in 4 seasons, average place 5.3",
    );
    expect(candidateNote(castMember(2, { lastWeek: null }), true)).toBe("Did not dance last week");
  });
});
