import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIButtonComponentWithCustomId } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { currentSeason } from "../../src/admin/seasons.js";
import { listAudit } from "../../src/db/queries/audit.js";
import type { SeasonFeed } from "../../src/feed/job.js";
import { articleTitle } from "../../src/feed/mediawiki.js";
import type { LocalGuild, MessageView } from "../../tools/local-discord/index.js";
import { type LocalWikipedia, startMediaWiki } from "../../tools/mediawiki/server.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { isEphemeral, replyOf } from "../support/replies.js";

const ownerId = "900000000000000007";
const owner = { id: ownerId, username: "owner" };
const fan = { id: "920000000000000001", username: "fan1" };
const article = readFileSync(
  join(import.meta.dirname, "../fixtures/wikipedia/season-35-rev1377959004.wikitext"),
  "utf8",
);
const title = articleTitle(35, new Map());
/** Harry & Jenna's week-1 cha-cha-cha, as the revision of 2026-10-02 scores it, and a correction of one mark. */
const as = { recorded: "| 21 (7, 7, 7)", corrected: "| 22 (8, 7, 7)", vandalised: "| 28 (7, 7, 7)" };

let t: TestBot;
let wiki: LocalWikipedia;
let adminGuild: LocalGuild;
let feed: SeasonFeed;
beforeAll(async () => {
  wiki = await startMediaWiki();
  t = await startTestBot({
    adminGuild: true,
    env: {
      BOT_OWNER_IDS: ownerId,
      LIVE_FEED: "on",
      LIVE_UPDATES: "review",
      WIKIPEDIA_API_URL: wiki.url,
      WIKIPEDIA_TIMEOUT_MS: "800",
    },
  });
  if (!t.adminGuild || !t.bot.ctx.feed) throw new Error("no admin guild or no feed");
  adminGuild = t.adminGuild;
  feed = t.bot.ctx.feed;
  // The feed's job looked once at start-up (no article yet) and claimed its next look a while ahead: from here on
  // only the tests' own looks read the article.
  await t.bot.jobs.runNow("season feed");
});
afterAll(async () => Promise.all([t?.stop(), wiki?.close()]));

const ownersChannel = () => t.discord.channelMessages(adminGuild.defaultChannelId);
const buttons = (m: MessageView | undefined) =>
  (m?.components ?? []).flatMap((row) =>
    "components" in row ? (row.components as APIButtonComponentWithCustomId[]) : [],
  );
const button = (m: MessageView | undefined, label: string) => {
  const found = buttons(m).find((b) => b.label === label);
  if (!found)
    throw new Error(
      `no ${label} button among ${buttons(m)
        .map((b) => b.label)
        .join(", ")}`,
    );
  return found.custom_id;
};
const harrysWeek1 = async () =>
  (await currentSeason(t.bot.ctx.db, 35))?.document.weeks[0]?.performances.find((p) =>
    p.couples.includes("Harry Shum Jr."),
  )?.scores;

describe(`the season feed in the owners' channel (${engine})`, () => {
  test("GIVEN the revision that matches the records WHEN the feed looks THEN nothing is posted", async () => {
    wiki.publish(title, article);
    expect((await feed.look(35)).kind).toBe("no-news");
    expect(ownersChannel()).toEqual([]);
  });

  test("GIVEN a revision correcting one mark WHEN the feed looks THEN the owners see the change with Apply and Skip; a fan's press is refused, the owner's applies it once", async () => {
    wiki.publish(title, article.replace(as.recorded, as.corrected));
    expect((await feed.look(35)).kind).toBe("changes");
    const [posted] = ownersChannel();
    expect(posted?.embeds?.[0]?.title).toMatch(/^Season 35 · Wikipedia revision \d+$/);
    expect(posted?.embeds?.[0]?.description).toContain(
      'week 1: scores of Harry Shum Jr. · regular · Cha-cha-cha · "Let\'s Groove" (7 · 7 · 7) → (8 · 7 · 7)',
    );
    expect(buttons(posted).map((b) => b.label)).toEqual(["Apply", "Skip"]);
    if (!posted) throw new Error("nothing posted");

    const outsider = await t.discord.click({ message: posted, customId: button(posted, "Apply"), user: fan });
    await outsider.settled();
    expect(isEphemeral(replyOf(outsider))).toBe(true);
    expect(await harrysWeek1()).toEqual([7, 7, 7]);

    const press = await t.discord.click({ message: posted, customId: button(posted, "Apply"), user: owner });
    await press.settled();
    const decided = t.discord.message(posted.id);
    expect(decided?.embeds?.[0]?.description).toMatch(/Applied by <@900000000000000007> as revision \d+\./);
    expect(buttons(decided)).toEqual([]);
    expect(await harrysWeek1()).toEqual([8, 7, 7]);
    const audit = await listAudit(t.bot.ctx.db, { season: 35, limit: 5 });
    expect(audit[0]?.action).toBe("wikipedia");
    expect(audit[0]?.changes[0]).toMatch(/^From Wikipedia revision \d+: http/);

    // A second press on a screen that was behind: refused privately, nothing applied twice.
    const again = await t.discord.click({
      message: posted,
      customId: button(posted, "Apply"),
      user: owner,
      forged: true,
    });
    await again.settled();
    expect(replyOf(again)?.content).toMatch(/already applied, skipped, or replaced/);
    expect(
      (await listAudit(t.bot.ctx.db, { season: 35, limit: 5 })).filter((a) => a.action === "wikipedia"),
    ).toHaveLength(1);
  });

  test("GIVEN a vandalised revision WHEN the feed looks THEN it is held with its reason; its revert retires the message and nothing changes", async () => {
    const before = ownersChannel().length;
    wiki.publish(title, article.replace(as.recorded, as.vandalised));
    expect((await feed.look(35)).kind).toBe("changes");
    const held = ownersChannel().at(-1);
    expect(ownersChannel()).toHaveLength(before + 1);
    expect(held?.embeds?.[0]?.fields?.[0]?.value).toMatch(/the total is not the sum of the marks/);
    expect(buttons(held).map((b) => b.label)).toEqual(["Apply anyway", "Skip"]);
    wiki.publish(title, article.replace(as.recorded, as.corrected));
    expect((await feed.look(35)).kind).toBe("no-news");
    const retired = t.discord.message(held?.id ?? "");
    expect(retired?.embeds?.[0]?.description).toContain("Replaced by a newer revision of the article.");
    expect(buttons(retired)).toEqual([]);
    expect(await harrysWeek1()).toEqual([8, 7, 7]);
  });

  test("GIVEN a change the owner skips WHEN Skip is pressed THEN the message says so and the records stay", async () => {
    wiki.publish(title, article.replace(as.recorded, "| 23 (8, 8, 7)"));
    expect((await feed.look(35)).kind).toBe("changes");
    const posted = ownersChannel().at(-1);
    if (!posted) throw new Error("nothing posted");
    const press = await t.discord.click({ message: posted, customId: button(posted, "Skip"), user: owner });
    await press.settled();
    expect(t.discord.message(posted.id)?.embeds?.[0]?.description).toContain(
      "Skipped by <@900000000000000007>; nothing changed.",
    );
    expect(await harrysWeek1()).toEqual([8, 7, 7]);
    // The same revision is not read again.
    expect((await feed.look(35)).kind).toBe("unchanged");
  });

  test("GIVEN a change set read before an owner recorded something WHEN Apply is pressed THEN it is refused as out of date, and the next look reads the article again", async () => {
    wiki.publish(title, article.replace(as.recorded, "| 24 (8, 8, 8)"));
    expect((await feed.look(35)).kind).toBe("changes");
    const posted = ownersChannel().at(-1);
    if (!posted) throw new Error("nothing posted");
    // Meanwhile an owner records a correction by hand (another week, so the article's change still stands).
    const { editLiveSeason } = await import("../../src/admin/seasons.js");
    await editLiveSeason(t.bot.ctx.db, {
      season: 35,
      userId: ownerId,
      action: "season",
      edit: (doc) => ({ ...doc, hosts: [...doc.hosts], trophy: "Len Goodman Mirrorball Trophy (2026)" }),
    });
    const press = await t.discord.click({ message: posted, customId: button(posted, "Apply"), user: owner });
    await press.settled();
    expect(replyOf(press)?.content).toMatch(/changed since Wikipedia revision \d+ was read/);
    expect(await harrysWeek1()).toEqual([8, 7, 7]);
    expect((await feed.look(35)).kind).toBe("changes");
  });

  // Last: the client backs off for a while after it.
  test("GIVEN Wikipedia hanging WHEN the feed looks THEN fans' lookups are answered meanwhile, and the look gives up with a wait", async () => {
    wiki.publish(title, article);
    wiki.failNext("hang");
    const looking = feed.look(35);
    const board = await t.discord.slash({ name: "leaderboard", options: { season: 35, week: 1 }, user: fan });
    await board.settled();
    expect(replyOf(board)?.embeds?.[0]?.title).toMatch(/^Season 35 · Week 1/);
    const check = await looking;
    expect(check.kind).toBe("unavailable");
    if (check.kind === "unavailable") expect(check.retryAfterMs).toBeGreaterThanOrEqual(30_000);
  });
});
