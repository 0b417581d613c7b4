import type { APIMessage } from "discord.js";
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { pollVotes, predictionLedger } from "../../src/db/schema/index.js";
import { barChartSize } from "../../src/views/chart.js";
import type { LocalGuild } from "../../tools/local-discord/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { isEphemeral } from "../support/replies.js";

const ownerId = "900000000000000001";
const owner = { id: ownerId, username: "owner" };
let t: TestBot;
let adminGuild: LocalGuild;
beforeAll(async () => {
  t = await startTestBot({ adminGuild: true, env: { BOT_OWNER_IDS: ownerId } });
  if (!t.adminGuild) throw new Error("no admin guild");
  adminGuild = t.adminGuild;
});
afterAll(async () => t?.stop());

const member = (i: number) => ({ id: String(910000000000000000n + BigInt(i)), username: `fan${i}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Row = { components: { custom_id: string; options?: { label: string; value: string }[] }[] };
const controls = (m: APIMessage | undefined) => (m?.components?.[0] as Row | undefined)?.components ?? [];
const text = (ix: { finalMessage(): { content?: string } | undefined }) => ix.finalMessage()?.content ?? "";

async function createPoll(options: Record<string, string | number | boolean>, subcommand = "custom") {
  const before = t.discord.channelMessages(t.guild.defaultChannelId).length;
  const ix = await t.discord.slash({ name: "poll", subcommand, options, user: t.guild.ownerId });
  await ix.settled();
  const message = t.discord.channelMessages(t.guild.defaultChannelId)[before];
  if (!message) throw new Error(`no poll message: ${text(ix)}`);
  return message;
}

async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = check();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
const resultsFor = (question: string) =>
  t.discord.channelMessages(t.guild.defaultChannelId).filter((m) => m.embeds[0]?.title === `Results: ${question}`);

/** An owner's change of the show's records in the admin server: the answer's embed (its change list). */
async function record(subcommand: string, options: Record<string, string | number>) {
  const ix = await t.discord.slash({ name: "admin", subcommand, options, user: owner, guildId: adminGuild.id });
  await ix.settled();
  const embed = ix.finalMessage()?.embeds[0];
  if (!embed) throw new Error(`/admin ${subcommand} failed: ${text(ix)}`);
  return embed;
}

async function lookup(name: string, options: Record<string, string | number>, subcommand?: string) {
  const ix = await t.discord.slash({ name, options, ...(subcommand ? { subcommand } : {}), user: member(1) });
  await ix.settled();
  return ix.finalMessage();
}

const ledgerOf = (pollId: number) =>
  t.database.db
    .select()
    .from(predictionLedger)
    .where(eq(predictionLedger.pollId, pollId))
    .orderBy(asc(predictionLedger.id));
const pollIdOf = (message: APIMessage) => Number(/poll #(\d+)/.exec(message.embeds[0]?.footer?.text ?? "")?.[1]);

describe(`polls through the local Discord (${engine})`, () => {
  test("GIVEN a member without Manage Server or owner rights WHEN they create a poll or record a result THEN each is refused with a sentence", async () => {
    const ix = await t.discord.slash({
      name: "poll",
      subcommand: "custom",
      options: { question: "Q", options: "A | B" },
      user: member(1),
    });
    await ix.settled();
    expect(text(ix)).toBe("Only members with Manage Server can create polls.");
    const eliminate = await t.discord.slash({
      name: "admin",
      subcommand: "eliminate",
      options: { season: 32, week: 5 },
      user: member(1),
      guildId: adminGuild.id,
    });
    await eliminate.settled();
    expect(text(eliminate)).toMatch(/^Only the bot's owners can change the show's records/);
  });

  test("GIVEN a custom poll WHEN 200 members vote and 50 change their vote THEN each gets a receipt and the tally counts 200", async () => {
    const message = await createPoll({
      question: "@everyone Best dance style?",
      options: "Tango | Waltz | Jive",
      closes: "1h",
    });
    expect(message.embeds[0]?.title).not.toContain("@everyone");
    const [tango, waltz] = controls(message);
    const clicks = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.discord.click({ message: message.id, customId: (i % 2 ? waltz : tango)?.custom_id ?? "", user: member(i) }),
      ),
    );
    await Promise.all(clicks.map((c) => c.settled()));
    expect(text(clicks[0] ?? { finalMessage: () => undefined })).toMatch(
      /^Your pick: \*\*Tango\*\*\. You can change it until <t:\d+:R>/,
    );
    const changes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.discord.click({ message: message.id, customId: waltz?.custom_id ?? "", user: member(i * 2) }),
      ),
    );
    await Promise.all(changes.map((c) => c.settled()));
    expect(text(changes[0] ?? { finalMessage: () => undefined })).toMatch(/^Vote changed\. Your pick: \*\*Waltz\*\*/);
    // The changed votes show once the next coalesced redraw lands (at most ~2 s later).
    const live = () => t.discord.message(message.id)?.embeds[0];
    await waitFor("the live tally", () => live()?.description?.includes("150 votes · 75%") || undefined);
    expect(live()?.footer?.text).toMatch(/^200 votes/);
    expect(t.discord.rateLimitHits).toEqual([]);
    t.discord.assertNoViolations();
  });

  test("GIVEN an elimination replay with a 16-or-fewer cast WHEN members pick in the menu and the deadline passes THEN results, chart and points follow", async () => {
    const message = await createPoll({ season: 32, week: 5, closes: "6s" }, "elimination");
    const menu = controls(message)[0];
    const mira = menu?.options?.find((o) => o.label.includes("Mira Sorvino"))?.value ?? "";
    const other = menu?.options?.[0]?.value ?? "";
    const picks = await Promise.all(
      [mira, mira, other].map((value, i) =>
        t.discord.select({
          message: message.id,
          customId: menu?.custom_id ?? "",
          values: [value],
          user: member(500 + i),
        }),
      ),
    );
    await Promise.all(picks.map((p) => p.settled()));
    const [results] = await waitFor("the results", () =>
      resultsFor("Who goes home this week? (Season 32, week 5)").length
        ? resultsFor("Who goes home this week? (Season 32, week 5)")
        : undefined,
    );
    expect(results?.embeds[0]?.description).toContain("Scored from the recorded result: 2 correct picks.");
    expect(results?.attachments[0]?.filename).toMatch(/^poll-\d+\.png$/);
    // One bar per answer on the menu: the chart is sized for all of them.
    expect(results?.attachments[0]).toMatchObject(barChartSize(menu?.options?.length ?? 0));

    const late = await t.discord.select({
      message: message.id,
      customId: menu?.custom_id ?? "",
      values: [mira],
      user: member(600),
    });
    await late.settled();
    expect(text(late)).toBe("This poll has closed, so votes are locked. The results are posted in the channel.");

    const board = await t.discord.slash({
      name: "predictions",
      subcommand: "leaderboard",
      options: {},
      user: member(500),
    });
    await board.settled();
    expect(board.finalMessage()?.embeds[0]?.description).toContain("Your rank: **1st** of 2 with **1** points");

    // A correction by an owner: Alyson's couple (the other pick) went home after all. Season 32 is in data/ only, so
    // its file is taken over; the poll re-scores and the ledger appends the difference.
    const pollId = pollIdOf(message);
    const scored = await ledgerOf(pollId);
    const sheet = await lookup("leaderboard", { season: 32, week: 5 });
    const alyson = menu?.options?.[0]?.label.replace(/^\d+\. /, "").split(" & ")[0] ?? "";
    expect(alyson).toBe("Alyson Hannigan");
    const change = await record("eliminate", { season: 32, week: 5, couple: alyson });
    expect(change.description).toContain("week 5: results Alyson Hannigan eliminated, Harry Jowsey bottom");
    expect(change.description).toContain("Taken over from data/seasons/season-32.json");
    expect(change.footer?.text).toContain("closed polls about this season were re-scored");

    const after = await t.discord.slash({ name: "predictions", subcommand: "me", options: {}, user: member(502) });
    await after.settled();
    expect(after.finalMessage()?.embeds[0]?.description).toMatch(/^✅ \+1 · S32 week 5 elimination/);
    const reversed = await t.discord.slash({ name: "predictions", subcommand: "me", options: {}, user: member(500) });
    await reversed.settled();
    expect(reversed.finalMessage()?.embeds[0]?.description).not.toMatch(/^✅/);
    const ledger = await ledgerOf(pollId);
    expect(ledger.slice(0, scored.length)).toEqual(scored);
    expect(ledger.slice(scored.length).map((l) => [l.userId, l.points])).toEqual(
      expect.arrayContaining([
        [member(500).id, -1],
        [member(501).id, -1],
        [member(502).id, 1],
      ]),
    );

    // /results, /season and /leaderboard read the same records as the polls.
    const week5 = await lookup("results", { season: 32, week: 5 });
    expect(week5?.embeds[0]?.fields?.find((f) => f.name === "Went home")?.value).toBe("Alyson Hannigan & Sasha Farber");
    const season = await lookup("season", { number: 32 });
    expect(JSON.stringify(season?.embeds)).toContain("Alyson Hannigan & Sasha Farber — Eliminated Week 5");
    expect((await lookup("leaderboard", { season: 32, week: 5 }))?.embeds).toEqual(sheet?.embeds);
    t.discord.assertNoViolations();
  });

  test("GIVEN a closed Mirrorball poll on season 33 WHEN an owner corrects the finale, then corrects it back THEN the points follow each time and the ledger only grows", async () => {
    const message = await createPoll({ season: 33, closes: "1h" }, "mirrorball");
    const buttons = controls(message);
    const button = (name: string) => buttons.find((b) => (b as { label?: string }).label?.includes(name))?.custom_id;
    for (const [i, name] of ["Joey Graziadei", "Ilona Maher", "Ilona Maher"].entries()) {
      const click = await t.discord.click({
        message: message.id,
        customId: button(name) ?? "",
        user: member(1100 + i),
      });
      await click.settled();
    }
    await (await t.discord.slash({ name: "poll", subcommand: "close", options: {}, user: t.guild.ownerId })).settled();
    const pollId = pollIdOf(message);
    const points = async () => {
      const rows = await ledgerOf(pollId);
      return [0, 1, 2].map((i) =>
        rows.filter((r) => r.userId === member(1100 + i).id).reduce((sum, r) => sum + r.points, 0),
      );
    };
    // A Mirrorball pick made as late as week 10 is worth the floor, 3 points.
    expect(await points()).toEqual([3, 0, 0]);

    const finale = (first: string, second: string) =>
      record("finale", {
        season: 33,
        week: 9,
        first,
        second,
        third: "Chandler Kinney",
        fourth: "Stephen Nedoroscik",
        fifth: "Danny Amendola",
      });
    const corrected = await finale("Ilona Maher", "Joey Graziadei");
    expect(corrected.description).toContain("Ilona Maher: Runner-up → Winner, placement 2 → 1");
    expect(await points()).toEqual([0, 3, 3]);
    const season = await lookup("season", { number: 33 });
    expect(season?.embeds[0]?.description).toMatch(/^🏆 \*\*Ilona Maher & Alan Bersten\*\* won/);

    const entries = (await ledgerOf(pollId)).length;
    await finale("Joey Graziadei", "Ilona Maher");
    expect(await points()).toEqual([3, 0, 0]);
    const ledger = await ledgerOf(pollId);
    expect(ledger.length).toBeGreaterThan(entries);
    expect(ledger.filter((l) => l.points < 0)).toHaveLength(3);
    const log = await t.discord.slash({
      name: "admin",
      subcommand: "log",
      options: { season: 33 },
      user: owner,
      guildId: adminGuild.id,
    });
    await log.settled();
    expect(log.finalMessage()?.embeds[0]?.fields?.map((f) => f.name.replace(/^.*· /, ""))).toEqual([
      "finale",
      "finale",
    ]);
    t.discord.assertNoViolations();
  });

  describe("custom_ids a modified client sends", () => {
    const polls = { buttons: "", menu: "", buttonsId: 0, menuId: 0, foreignId: 0 };
    beforeAll(async () => {
      const buttons = await createPoll({ question: "Forgery-proof?", options: "Yes | No | Maybe", closes: "1h" });
      // Nine couples are still dancing in season 32 week 6: more than five answers, so a menu.
      const menu = await createPoll({ season: 32, week: 6, closes: "1h" }, "elimination");
      expect(controls(menu)[0]?.options).toHaveLength(9);
      const foreign = await t.bot.ctx.polls.publish({
        guildId: adminGuild.id,
        channelId: adminGuild.defaultChannelId,
        creatorId: ownerId,
        kind: "custom",
        question: "Another server's poll",
        options: [{ label: "A" }, { label: "B" }],
        closesAt: new Date(Date.now() + 3_600_000),
      });
      Object.assign(polls, {
        buttons: buttons.id,
        menu: menu.id,
        buttonsId: pollIdOf(buttons),
        menuId: pollIdOf(menu),
        foreignId: foreign.id,
      });
    });

    const notMine = "That vote button is not one I made. Vote with the buttons or menu on the poll message.";
    const foreign = "That vote does not belong to this poll. Vote with the buttons or menu on the poll message itself.";
    test.each([
      [
        "an answer the poll does not have",
        "buttons",
        (): string => `pv:${polls.buttonsId}:7`,
        "That answer is not part of this poll. Pick one of the answers on the poll message.",
      ],
      ["a malformed answer", "buttons", (): string => `pv:${polls.buttonsId}:x`, notMine],
      ["the menu's id pressed as a button, with no answer", "menu", (): string => `pv:${polls.menuId}`, notMine],
      ["another server's poll", "buttons", (): string => `pv:${polls.foreignId}:0`, foreign],
      ["another server's poll, on the menu", "menu", (): string => `pv:${polls.foreignId}:1`, foreign],
      [
        "another poll of this server (the menu's), on the buttons",
        "buttons",
        (): string => `pv:${polls.menuId}:0`,
        foreign,
      ],
      [
        "a poll that no longer exists",
        "menu",
        (): string => "pv:999999999:0",
        "That poll no longer exists. Ask a moderator for a new one.",
      ],
      [
        "an older version's button",
        "buttons",
        (): string => `vote:${polls.buttonsId}:0`,
        "That button is from an older version of me and no longer works. Run the command again.",
      ],
    ] as const)(
      "GIVEN a forged click carrying %s WHEN sent THEN it is refused privately with a sentence",
      async (_what, on, customId, sentence) => {
        const click = await t.discord.click({
          message: polls[on],
          customId: customId(),
          forged: true,
          user: member(1200),
        });
        await click.settled();
        expect(text(click)).toBe(sentence);
        expect(isEphemeral(click.finalMessage())).toBe(true);
      },
    );

    test("GIVEN every forgery above WHEN the votes are counted THEN none was stored, and a real vote still counts", async () => {
      const ids = [polls.buttonsId, polls.menuId, polls.foreignId];
      expect(await t.database.db.$count(pollVotes, inArray(pollVotes.pollId, ids))).toBe(0);
      const menu = controls(t.discord.message(polls.menu))[0];
      const pick = await t.discord.select({
        message: polls.menu,
        customId: menu?.custom_id ?? "",
        values: [menu?.options?.[0]?.value ?? ""],
        user: member(1200),
      });
      await pick.settled();
      expect(text(pick)).toMatch(/^Your pick: \*\*/);
      expect(await t.database.db.$count(pollVotes, inArray(pollVotes.pollId, ids))).toBe(1);
      t.discord.assertNoViolations();
    });
  });

  test("GIVEN a poll with votes WHEN the bot restarts mid-poll THEN votes are kept, buttons still work and the deadline still closes it once", async () => {
    const message = await createPoll({ question: "Restart-proof?", options: "Yes | No", closes: "8s" });
    const [yes] = controls(message);
    await (await t.discord.click({ message: message.id, customId: yes?.custom_id ?? "", user: member(700) })).settled();
    await t.bot.stop();
    const restarted = await t.startAnotherBot();
    const click = await t.discord.click({ message: message.id, customId: yes?.custom_id ?? "", user: member(701) });
    await click.settled();
    expect(text(click)).toMatch(/^Your pick: \*\*Yes\*\*/);
    const [results] = await waitFor("the results", () =>
      resultsFor("Restart-proof?").length ? resultsFor("Restart-proof?") : undefined,
    );
    expect(results?.embeds[0]?.description).toContain("Yes — 2 votes (100%)");
    t.bot = restarted;
    t.discord.assertNoViolations();
  });

  test("GIVEN two bot processes on one database WHEN a poll's deadline passes THEN exactly one results message is posted", async () => {
    const second = await t.startAnotherBot();
    await createPoll({ question: "Two replicas?", options: "One | Two", closes: "5s" });
    await waitFor("the results", () => (resultsFor("Two replicas?").length ? true : undefined));
    await sleep(3_000);
    expect(resultsFor("Two replicas?")).toHaveLength(1);
    await second.stop();
    t.discord.assertNoViolations({ ignore: ["already-acknowledged"] });
  });

  test("GIVEN an open poll WHEN a member who did not create it tries /poll close THEN they are refused, and its creator can close it", async () => {
    await createPoll({ question: "Close me?", options: "Sure | Nope", closes: "1h" });
    const refused = await t.discord.slash({ name: "poll", subcommand: "close", options: {}, user: member(800) });
    await refused.settled();
    expect(text(refused)).toMatch(/^Only members with Manage Server can close someone else's poll/);
    const closed = await t.discord.slash({ name: "poll", subcommand: "close", options: {}, user: t.guild.ownerId });
    await closed.settled();
    expect(text(closed)).toMatch(/^Closed poll #\d+/);
    expect(resultsFor("Close me?")).toHaveLength(1);
    t.discord.assertNoViolations();
  });
});
