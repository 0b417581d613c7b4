import { PermissionFlagsBits } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { expireClock } from "../../src/leagues/service.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { isEphemeral } from "../support/replies.js";
import { controlsOf, done, LeagueDriver, member, text, waitFor } from "./league-support.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => t?.stop());

const [m1, m2, m3, m4] = [member(1), member(2), member(3), member(4)];
const outsider = member(99);

/** A league on season 32 with these members joined and its draft started by the server's owner. */
async function draftingLeague(name: string, members: { id: string; username: string }[], teamSize = 2) {
  const league = await LeagueDriver.create(t, { name, season: 32, "team-size": teamSize, "pick-seconds": 600 });
  for (const m of members) expect(text(await league.click("join", m))).toBe("");
  const started = await league.click("start", t.guild.ownerId);
  expect(started.finalMessage()?.content).toMatch(/^The draft is on!/);
  return league;
}

describe(`league draft through the local Discord (${engine})`, () => {
  test("GIVEN a 4-team snake draft WHEN one member misses the clock THEN the stated rule picks for them and the draft ends with every pick stored once", async () => {
    const league = await draftingLeague("Snake Pit", [m1, m2, m3, m4]);
    const room = league.message()?.embeds[0];
    expect(room?.description).toMatch(
      new RegExp(`^\\*\\*Round 1, pick 1:\\*\\* <@${m1.id}> .* is on the clock\\. Time runs out <t:\\d+:R>\\.$`),
    );
    // Before week 1 the menu shows each pro's record going into the season.
    const menu = league.control("pick");
    expect(menu.options?.find((o) => o.label === "Xochitl Gomez & Val Chmerkovskiy")?.description).toBe(
      "Val Chmerkovskiy: 2 titles in 18 seasons, average place 5.5",
    );
    expect(menu.options).toHaveLength(14);

    expect(text(await league.pick(m1, "Xochitl Gomez"))).toBe("");
    expect(text(await league.pick(m2, "Charity Lawson"))).toBe("");
    // m3 lets the clock run out. Rule: most trophies for the pro, then best average placement. With Val's couple gone,
    // Peta Murgatroyd (2 titles, average 7.4) beats every 1-title pro: Barry Williams.
    await league.expireClock();
    await league.waitForTurn(3);
    expect(league.message()?.embeds[0]?.description).toContain(`<@${m4.id}>`);
    const board = league.message()?.embeds[0]?.fields ?? [];
    expect(board.find((f) => f.name.startsWith("3. "))?.value).toContain("Barry Williams *(auto)*");

    expect(text(await league.pick(m4, "Jason Mraz"))).toBe("");
    // Snake: round 2 starts with the team that picked last in round 1.
    expect(league.message()?.embeds[0]?.description).toMatch(/^\*\*Round 2, pick 1:\*\* <@920000000000000004>/);
    for (const [who, couple] of [
      [m4, "Ariana Madix"],
      [m3, "Alyson Hannigan"],
      [m2, "Harry Jowsey"],
      [m1, "Lele Pons"],
    ] as const) {
      expect(text(await league.pick(who, couple))).toBe("");
    }
    const picks = await league.picks();
    expect(picks.map((p) => p.turn)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(picks.filter((p) => p.kind === "auto")).toHaveLength(1);
    expect(new Set(picks.map((p) => p.coupleId)).size).toBe(8);
    expect((await league.row()).status).toBe("active");
    expect(league.message()?.components ?? []).toEqual([]);

    const draft = await league.slash("draft", {}, m2);
    expect(isEphemeral(draft.finalMessage())).toBe(true);
    const fields = draft.finalMessage()?.embeds[0]?.fields ?? [];
    expect(fields.map((f) => f.value.split("\n").slice(1))).toEqual([
      ["Xochitl Gomez", "Lele Pons"],
      ["Charity Lawson", "Harry Jowsey"],
      ["Barry Williams *(auto)*", "Alyson Hannigan"],
      ["Jason Mraz", "Ariana Madix"],
    ]);
    t.discord.assertNoViolations();
  });

  test("GIVEN a draft WHEN outsiders, out-of-turn members, stale menus and forged ids click THEN each gets a sentence and nothing is stored", async () => {
    const league = await draftingLeague("Refusals", [m1, m2]);
    const refused = async (ix: Awaited<ReturnType<typeof league.pick>>, sentence: string | RegExp) => {
      expect(isEphemeral(ix.followUps.at(-1) ?? ix.finalMessage())).toBe(true);
      expect(text(ix)).toMatch(sentence);
    };
    await refused(await league.pick(outsider), "You are not in this league, so you cannot pick for it.");
    await refused(await league.pick(m2), `It is not your turn: <@${m1.id}> is on the clock.`);

    // Two picks from one menu at once: the first stored moves the turn on, the other is stale.
    const menu = league.control("pick");
    const [a, b] = await Promise.all(
      [0, 1].map((i) =>
        t.discord.select({
          message: league.messageId,
          customId: menu.custom_id ?? "",
          values: [menu.options?.[i]?.value ?? ""],
          user: m1,
        }),
      ),
    );
    await Promise.all([done(a), done(b)]);
    const answers = [a, b].map((ix) => (ix ? text(ix) : ""));
    expect(answers.sort()).toEqual([
      "",
      "That turn was already taken; the draft has moved on. Use the menu on the league's message as it is now.",
    ]);
    expect(await league.picks()).toHaveLength(1);

    // Forged ids: a league of another message, a made-up kind, a pick sent as a button.
    const other = await LeagueDriver.create(t, { name: "Other", season: 32 });
    const forged = async (customId: string, message = league.messageId, user: string | typeof m1 = m1) => {
      const ix = await t.discord.click({ message, customId, user, forged: true });
      await done(ix);
      return ix;
    };
    await refused(
      await forged(`lg:join:${league.leagueId}`, other.messageId),
      "That button does not belong to a league of this server. Use the league's own message.",
    );
    await refused(
      await other.click("start", m1),
      `Only the league's creator (<@${t.guild.ownerId}>) or a Manage Server member can start its draft.`,
    );
    await refused(
      await forged(`lg:start:${league.leagueId}`, league.messageId, t.guild.ownerId),
      "This league's draft has already started.",
    );
    await refused(
      await forged("lg:dance:1"),
      "That league button is not one I made. Use the buttons on the league's message.",
    );
    await refused(
      await forged(`lg:pick:${league.leagueId}:1`),
      "That pick is not one of the menu's couples. Pick from the menu on the league's message.",
    );
    await refused(
      await forged(`lg:keep:${league.leagueId}:1`, league.messageId, m2),
      "Every draft turn needs a couple. Pick one from the menu.",
    );
    await refused(
      await forged(`lg:keep:${other.leagueId}:0`),
      "That menu does not belong to a league of this server. Use the league's own message.",
    );
    expect(await league.picks()).toHaveLength(1);

    // Settings: only Manage Server creates; only the creator or Manage Server changes; never once drafting.
    const create = await t.discord.slash({ name: "league", subcommand: "create", options: { name: "Mine" }, user: m1 });
    await done(create);
    await refused(create, "Only members with Manage Server can create a league.");
    await refused(
      await other.slash("scoring", { winner: 50 }, m2),
      `Only the league's creator (<@${t.guild.ownerId}>) or a Manage Server member can change its scoring.`,
    );
    await refused(
      await league.slash("scoring", { winner: 50 }, t.guild.ownerId),
      "The draft has started, so the scoring is fixed: every team drafted under these rules.",
    );
    const moderator = t.discord.addMember(t.guild.id, {
      user: { username: "moderator" },
      permissions: PermissionFlagsBits.ManageGuild,
    });
    const changed = await other.slash("scoring", { winner: 50, eliminated: -10 }, moderator.id);
    expect(changed.finalMessage()?.embeds[0]?.description).toContain("+50 for winning the Mirrorball");
    expect(changed.finalMessage()?.embeds[0]?.description).toContain("−10 for going home");
    const choices = await t.discord.autocomplete({
      name: "league",
      subcommand: "standings",
      options: { league: String(other.leagueId) },
      focused: "league",
      user: m1,
    });
    expect(choices.choices).toContainEqual({ name: `#${other.leagueId} Other`, value: other.leagueId });
    await refused(
      await league.slash("advance", {}, m1),
      `Only the league's creator (<@${t.guild.ownerId}>) or a Manage Server member can release its weeks.`,
    );
    await refused(
      await t.discord
        .slash({ name: "league", subcommand: "standings", options: { league: 99999 }, user: m1 })
        .then(async (ix) => {
          await done(ix);
          return ix;
        }),
      "There is no league #99999 in this server. Pick one from the list as you type.",
    );
    t.discord.assertNoViolations();
  });

  test("GIVEN an open league WHEN 17 members press Join at once THEN 16 teams are in, the message lists them all and the last is told it is full", async () => {
    const league = await LeagueDriver.create(t, { name: "Crowd", season: 32, "team-size": 1 });
    const joinId = league.control("join").custom_id ?? "";
    const clicks = await Promise.all(
      Array.from({ length: 17 }, (_, i) =>
        t.discord.click({ message: league.messageId, customId: joinId, user: member(200 + i) }),
      ),
    );
    await Promise.all(clicks.map((c) => done(c)));
    const refusals = clicks.map(text).filter(Boolean);
    expect(refusals).toEqual(["This league is full: 16 teams is the most a draft can take."]);
    await waitFor("all 16 teams on the message", () =>
      league.message()?.embeds[0]?.fields?.[0]?.name === "Teams (16/16)" ? true : undefined,
    );
    t.discord.assertNoViolations();
  });

  test("GIVEN a draft in progress WHEN the bot is down as a clock runs out THEN the restarted bot makes the automatic pick and the menu still works", async () => {
    const league = await draftingLeague("Restart", [m1, m2]);
    expect(text(await league.pick(m1, "Xochitl Gomez"))).toBe("");
    await t.bot.stop();
    // m2's clock runs out while no bot is running; the next process to start finds it and picks for them.
    await league.expireClock();
    t.bot = await t.startAnotherBot();
    await league.waitForTurn(2);
    // The owner reposts the room; the old message loses its controls and its ids are refused from then on.
    const reposted = await league.slash("repost", {}, t.guild.ownerId);
    expect(text(reposted)).toMatch(/^League #\d+'s message is posted again in this channel/);
    const moved = new LeagueDriver(t, league.leagueId, (await league.row()).messageId ?? "");
    expect(moved.messageId).not.toBe(league.messageId);
    expect(controlsOf(league.message())).toEqual([]);
    const old = await t.discord.click({
      message: league.messageId,
      customId: `lg:keep:${league.leagueId}:2`,
      user: m2,
      forged: true,
    });
    await done(old);
    expect(text(old)).toBe("That menu does not belong to a league of this server. Use the league's own message.");
    // Snake: m2 picks again at once, with the menu the restarted bot drew.
    expect(text(await moved.pick(m2, "Jason Mraz"))).toBe("");
    expect(text(await moved.pick(m1))).toBe("");
    expect((await league.picks()).map((p) => p.kind)).toEqual(["pick", "auto", "pick", "pick"]);
    expect((await league.row()).status).toBe("active");
    t.discord.assertNoViolations();
  });

  test("GIVEN two bot processes WHEN a pick's clock runs out THEN exactly one automatic pick is stored", async () => {
    const second = await t.startAnotherBot();
    const league = await draftingLeague("Replicas", [m1, m2, m3]);
    const before = await league.row();
    await league.expireClock();
    // Both processes' jobs race for the expired clock, and two more direct attempts join in.
    const direct = await Promise.all([
      expireClock(t.bot.ctx.db, league.leagueId, before.turn),
      expireClock(second.ctx.db, league.leagueId, before.turn),
    ]);
    await waitFor("the automatic pick", async () => ((await league.row()).turn === 1 ? true : undefined));
    const after = await league.row();
    expect(after.turn).toBe(1);
    expect(after.clockEndsAt?.getTime()).toBeGreaterThan(Date.now());
    expect(direct.filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(await league.picks()).toEqual([expect.objectContaining({ turn: 0, kind: "auto" })]);
    await second.stop();
    t.discord.assertNoViolations();
  });
});
