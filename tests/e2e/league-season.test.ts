import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { leaguePoints } from "../../src/db/schema/index.js";
import type { LocalGuild } from "../../tools/local-discord/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { done, LeagueDriver, member, text, waitFor } from "./league-support.js";

const ownerId = "900000000000000007";
let t: TestBot;
let adminGuild: LocalGuild;
beforeAll(async () => {
  t = await startTestBot({ adminGuild: true, env: { BOT_OWNER_IDS: ownerId } });
  if (!t.adminGuild) throw new Error("no admin guild");
  adminGuild = t.adminGuild;
});
afterAll(async () => t?.stop());

const [m1, m2] = [member(11), member(12)];

/** A season-32 replay, drafted by m1 and m2 (2 couples each; snake order m1, m2, m2, m1). */
async function draftedReplay(name: string, picks: [string, string, string, string]) {
  const league = await LeagueDriver.create(t, { name, season: 32, "team-size": 2, "pick-seconds": 600 });
  await league.click("join", m1);
  await league.click("join", m2);
  await league.click("start", t.guild.ownerId);
  for (const [i, couple] of picks.entries()) {
    const ix = await league.pick(i === 0 || i === 3 ? m1 : m2, couple);
    expect(text(ix)).toBe("");
  }
  expect((await league.row()).status).toBe("active");
  return league;
}

const ledger = (leagueId: number) =>
  t.database.db.select().from(leaguePoints).where(eq(leaguePoints.leagueId, leagueId)).orderBy(leaguePoints.id);

const standingsLines = async (league: LeagueDriver) => {
  const ix = await league.slash("standings", {}, m1);
  return ix.finalMessage();
};

describe(`league seasons through the local Discord (${engine})`, () => {
  test("GIVEN a season 32 replay WHEN the owner scores it to the end and an owner corrects a score THEN totals match the hand count and follow the correction", async () => {
    const league = await draftedReplay("Replay 32", ["Xochitl Gomez", "Jason Mraz", "Tyson Beckford", "Matt Walsh"]);
    const first = await league.slash("advance", {}, t.guild.ownerId);
    // Week 1: only Matt Walsh went home, and m2 lost no couple; m1's waiver turn opens for Matt.
    expect(text(first)).toMatch(
      /^Week 1 is scored\. See `\/league standings`\. A couple went home, so waivers are open/,
    );
    const keep = await league.click("keep", m1);
    expect(text(keep)).toBe("");
    expect((await league.row()).status).toBe("active");

    const rest = await league.slash("advance", { all: true }, t.guild.ownerId);
    expect(text(rest)).toBe(
      "Weeks 2-11 are scored. See `/league standings`. That was the finale: the replay is scored to the end.",
    );

    // By hand from data/seasons/season-32.json, default rules (1 per mark and bonus point, +5 perfect score,
    // +5 week's top score, +3 survived, -5 went home, finale 30/20/10):
    // Xochitl Gomez: W1 18+3=21, W2 24+5+3=32, W3 32+3=35, W4 27+5+3=35, W5 28+5+3=36, W6 37+5 marathon+5+3=50,
    //   W7 34+40 team (perfect)+5+5+3=87, W8 40 (perfect tango, lost the dance-off)+5+3=48, W9 41+3=44,
    //   W10 60+2 perfect x5+5 top+3=78, W11 60+10+5+30 winner=105: 571.
    // Matt Walsh: W1 12-5=7.  Team 1: 578.
    // Jason Mraz: W1 21+3=24, W2 24+5+3=32, W3 34+5+3=42, W4 24+3=27, W5 27+3=30, W6 36+3 marathon+3=42,
    //   W7 35+37 team+3=75, W8 33+3=36, W9 40 (a perfect score)+3 relay win+5+5 top+3=56, W10 57+5+3=65,
    //   W11 60+10+5+20 runner-up=95: 524.
    // Tyson Beckford: W1 12+3=15, W2 18+3=21, W3 20-5=15: 51.  Team 2: 575.
    const board = await standingsLines(league);
    const description = board?.embeds[0]?.description ?? "";
    expect(description).toContain("Standings after week 11 of 11.");
    expect(description).toContain(`**1st** Team dancer11 (<@${m1.id}>) — **578 pts** (+105 week 11)`);
    expect(description).toContain(`**2nd** Team dancer12 (<@${m2.id}>) — **575 pts** (+95 week 11)`);
    expect(board?.attachments[0]?.filename).toBe(`league-${league.leagueId}.png`);
    expect(board?.embeds[0]?.image?.url).toMatch(new RegExp(`/league-${league.leagueId}\\.png$`));

    const team = await league.slash("team", { member: m2.id }, m1);
    const roster = team.finalMessage()?.embeds[0]?.description ?? "";
    expect(roster).toContain("**Jason Mraz & Daniella Karagach** — 524 pts");
    expect(roster).toContain("W1 24 · W2 32 · W3 42 · W4 27 · W5 30 · W6 42 · W7 75 · W8 36 · W9 56 · W10 65 · W11 95");
    expect(roster).toContain("**Tyson Beckford & Jenna Johnson** (out week 3) — 51 pts");

    // An owner corrects Xochitl's week-1 scores from 6 6 6 to 9 9 9: +9 marks, and 27 beats Charity's 22 for the
    // week's top score (+5): team 1 gains 14, appended as a correction, the earlier rows untouched.
    const before = await ledger(league.leagueId);
    const fix = await t.discord.slash({
      name: "admin",
      subcommand: "scores",
      options: { season: 32, week: 1, couple: "Xochitl Gomez", scores: "9 9 9" },
      user: { id: ownerId, username: "owner" },
      guildId: adminGuild.id,
    });
    await done(fix);
    expect(fix.finalMessage()?.embeds[0]?.description ?? text(fix)).toContain("Xochitl Gomez");
    const after = await waitFor("the correction", async () => {
      const rows = await ledger(league.leagueId);
      return rows.length > before.length ? rows : undefined;
    });
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length).map((r) => [r.week, r.points, r.reason])).toEqual([[1, 14, "correction"]]);
    const corrected = await standingsLines(league);
    expect(corrected?.embeds[0]?.description).toContain(`**1st** Team dancer11 (<@${m1.id}>) — **592 pts**`);
    t.discord.assertNoViolations();
  });

  test("GIVEN a replay advanced week by week WHEN a drafted couple goes home THEN the team that lost it claims an undrafted couple, or keeps the empty slot", async () => {
    const league = await draftedReplay("Waivers", ["Xochitl Gomez", "Jason Mraz", "Jamie Lynn Spears", "Matt Walsh"]);
    const week1 = await league.slash("advance", {}, t.guild.ownerId);
    expect(text(week1)).toContain(`waivers are open on the league's message: <@${m1.id}> claims first.`);
    expect(league.message()?.embeds[0]?.description).toMatch(/^\*\*Waivers after week 1:\*\* <@920000000000000011>/);
    // After week 1 the menu shows last week's score; Matt Walsh (gone) and the drafted couples are not offered.
    const menu = league.control("pick");
    expect(menu.options?.find((o) => o.label.startsWith("Charity Lawson"))?.description).toBe("Last week: 22");
    expect(menu.options?.map((o) => o.label.split(" & ")[0])).not.toContain("Matt Walsh");
    expect(menu.options).toHaveLength(10);

    const early = await league.slash("advance", {}, t.guild.ownerId);
    expect(text(early)).toBe("Waivers after week 1 are still open; the next week comes once every team has decided.");
    const wrongTeam = await league.pick(m2, "Charity Lawson");
    expect(text(wrongTeam)).toBe(`It is not your turn: <@${m1.id}> is on the clock.`);
    expect(text(await league.pick(m1, "Charity Lawson"))).toBe("");
    expect((await league.row()).status).toBe("active");

    // Week 2: Jamie Lynn Spears goes home; m2 keeps the empty slot.
    await league.slash("advance", {}, t.guild.ownerId);
    expect(league.message()?.embeds[0]?.description).toMatch(/^\*\*Waivers after week 2:\*\* <@920000000000000012>/);
    expect(text(await league.click("keep", m2))).toBe("");
    const picks = await league.picks();
    expect(picks.slice(4).map((p) => [p.kind, p.fromWeek])).toEqual([
      ["waiver", 2],
      ["kept", 3],
    ]);

    // Charity scores for m1 from week 2 only: W2 7 7 7 = 21 + 3 survived = 24, and not week 1's 22.
    const team = await league.slash("team", {}, m1);
    const roster = team.finalMessage()?.embeds[0]?.description ?? "";
    expect(roster).toContain("**Charity Lawson & Artem Chigvintsev** (waiver from week 2) — 24 pts\nW2 24");
    expect(roster).toContain("**Matt Walsh & Koko Iwasaki** (out week 1) — 7 pts\nW1 7");
    t.discord.assertNoViolations();
  });
});
