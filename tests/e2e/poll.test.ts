import type { APIMessage } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";

const ownerId = "900000000000000001";
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ env: { BOT_OWNER_IDS: ownerId } });
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

describe(`polls through the local Discord (${engine})`, () => {
  test("GIVEN a member without Manage Server WHEN they create a poll THEN they are refused with a sentence", async () => {
    const ix = await t.discord.slash({
      name: "poll",
      subcommand: "custom",
      options: { question: "Q", options: "A | B" },
      user: member(1),
    });
    await ix.settled();
    expect(text(ix)).toBe("Only members with Manage Server can create polls.");
    const record = await t.discord.slash({
      name: "record",
      subcommand: "eliminations",
      options: { season: 32, week: 5, eliminated: "none" },
      user: member(1),
    });
    await record.settled();
    expect(text(record)).toMatch(/Only the bot's owners/);
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
    expect(results?.attachments[0]?.width).toBe(640);

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

    // A correction: Alyson's couple (the other pick) went home after all; the ledger appends the difference.
    const record = await t.discord.slash({
      name: "record",
      subcommand: "eliminations",
      options: {
        season: 32,
        week: 5,
        eliminated: menu?.options?.[0]?.label.replace(/^\d+\. /, "").split(" & ")[0] ?? "",
      },
      user: { id: ownerId, username: "owner" },
    });
    await record.settled();
    expect(text(record)).toMatch(/re-scored/);
    const after = await t.discord.slash({ name: "predictions", subcommand: "me", options: {}, user: member(502) });
    await after.settled();
    expect(after.finalMessage()?.embeds[0]?.description).toMatch(/^✅ \+1 · S32 week 5 elimination/);
    t.discord.assertNoViolations();
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
