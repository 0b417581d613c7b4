import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { APIButtonComponentWithCustomId } from "discord-api-types/v10";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { applyDocument, currentSeason } from "../../src/admin/seasons.js";
import { pollIds } from "../../src/commands/poll/ids.js";
import type { SeasonFile } from "../../src/data/seasonFile.js";
import { listAudit } from "../../src/db/queries/audit.js";
import type { SeasonFeed } from "../../src/feed/job.js";
import { articleTitle } from "../../src/feed/mediawiki.js";
import type { LocalGuild, MessageView } from "../../tools/local-discord/index.js";
import { airedCuts } from "../../tools/mediawiki/revisions.js";
import { type LocalWikipedia, startMediaWiki } from "../../tools/mediawiki/server.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { atPremiere, shippedSeason } from "../support/seasons.js";
import { LeagueDriver, member, text, waitFor } from "./league-support.js";

const ownerId = "900000000000000008";
const owner = { id: ownerId, username: "owner" };
const fan = (i: number) => ({ id: String(930000000000000000n + BigInt(i)), username: `fan${i}` });
const article = readFileSync(join(import.meta.dirname, "../fixtures/wikipedia/season-34.wikitext"), "utf8");
const title = articleTitle(34, new Map());

let t: TestBot;
let wiki: LocalWikipedia;
let adminGuild: LocalGuild;
let feed: SeasonFeed;
beforeAll(async () => {
  wiki = await startMediaWiki();
  t = await startTestBot({
    adminGuild: true,
    env: { BOT_OWNER_IDS: ownerId, LIVE_FEED: "on", LIVE_UPDATES: "review", WIKIPEDIA_API_URL: wiki.url },
  });
  if (!t.adminGuild || !t.bot.ctx.feed) throw new Error("no admin guild or no feed");
  adminGuild = t.adminGuild;
  feed = t.bot.ctx.feed;
  await t.bot.jobs.runNow("season feed");
});
afterAll(async () => Promise.all([t?.stop(), wiki?.close()]));

const ownersChannel = () => t.discord.channelMessages(adminGuild.defaultChannelId);
const buttonsOf = (m: MessageView | undefined) =>
  (m?.components ?? []).flatMap((row) =>
    "components" in row ? (row.components as APIButtonComponentWithCustomId[]) : [],
  );

async function slash(
  name: string,
  subcommand: string,
  options: Record<string, string | number>,
  user: { id: string; username: string },
) {
  const ix = await t.discord.slash({ name, subcommand, options, user });
  await ix.settled();
  return ix;
}

describe(`season 34 replayed through the season feed in review (${engine})`, () => {
  test("GIVEN season 34 at its premiere and a week-2 elimination poll WHEN each revision is approved once in the owners' server THEN the season ends as data/ has it, the poll is scored and the league follows to the finale", async () => {
    const full = shippedSeason(34);
    const premiere = await applyDocument(t.bot.ctx.db, {
      userId: ownerId,
      action: "import",
      document: atPremiere(full),
    });
    await t.bot.ctx.live.changed(premiere);

    // Fans pick who goes home in week 2; the poll closes before the night's results are recorded.
    const before = t.discord.channelMessages(t.guild.defaultChannelId).length;
    await slash("poll", "elimination", { season: 34, week: 2, closes: "1h" }, { id: t.guild.ownerId, username: "mod" });
    const poll = t.discord.channelMessages(t.guild.defaultChannelId)[before];
    const menu = (
      poll?.components?.[0] as { components: { custom_id: string; options?: { label: string; value: string }[] }[] }
    )?.components[0];
    const pollId = pollIds.voteMenu.decode(menu?.custom_id ?? "")?.[0];
    if (!poll || !menu || pollId === undefined) throw new Error("no poll");
    const pick = (name: string) => menu.options?.find((o) => o.label.includes(name))?.value ?? "";
    for (const [i, name] of [
      [1, "Corey Feldman"],
      [2, "Robert Irwin"],
    ] as const) {
      const vote = await t.discord.select({
        message: poll.id,
        customId: menu.custom_id,
        values: [pick(name)],
        user: fan(i),
      });
      await vote.settled();
    }
    await slash("poll", "close", { poll: pollId }, { id: t.guild.ownerId, username: "mod" });

    // A league drafts the season at its premiere; its points must follow each approved night by themselves.
    const [m1, m2] = [member(41), member(42)];
    const league = await LeagueDriver.create(t, { name: "Feed League", season: 34, "team-size": 2 });
    await league.click("join", m1);
    await league.click("join", m2);
    await league.click("start", t.guild.ownerId);
    for (const [who, couple] of [
      [m1, "Robert Irwin"],
      [m2, "Alix Earle"],
      [m2, "Jordan Chiles"],
      [m1, "Dylan Efron"],
    ] as const) {
      expect(text(await league.pick(who, couple))).toBe("");
    }

    for (const cut of airedCuts(article)) {
      wiki.publish(title, cut.content);
      expect((await feed.look(34)).kind, `week ${cut.week}`).toBe("changes");
      const posted = ownersChannel().at(-1);
      const apply = buttonsOf(posted).find((b) => b.label === "Apply");
      if (!posted || !apply) throw new Error(`week ${cut.week}: no change set to apply`);
      const press = await t.discord.click({ message: posted, customId: apply.custom_id, user: owner });
      await press.settled();
      expect(t.discord.message(posted.id)?.embeds?.[0]?.description).toMatch(/Applied by <@900000000000000008>/);
    }
    // Each week approved once, in order, and nothing waits.
    const approved = (await listAudit(t.bot.ctx.db, { season: 34, limit: 50 })).filter((a) => a.action === "wikipedia");
    expect(approved).toHaveLength(11);
    expect(ownersChannel().every((m) => buttonsOf(t.discord.message(m.id)).length === 0)).toBe(true);

    const now = (await currentSeason(t.bot.ctx.db, 34))?.document;
    const dances = (s: SeasonFile | undefined) =>
      s?.weeks.map((w) => w.performances.map((p) => [p.round, p.style, p.song, p.couples, p.scores ?? null]));
    expect(dances(now)).toEqual(dances(full));
    expect(now?.weeks.map((w) => w.results ?? [])).toEqual(full.weeks.map((w) => w.results ?? []));
    expect(now?.couples.map((c) => [c.celebrity, c.placement, c.result]).sort()).toEqual(
      full.couples.map((c) => [c.celebrity, c.placement, c.result]).sort(),
    );

    // The league followed the feed to the finale by itself.
    await waitFor(
      "the league scored through week 11",
      async () => ((await league.row()).releasedWeek === 11 ? true : undefined),
      60_000,
    );
    const standings = await league.slash("standings", {}, m1);
    expect(standings.finalMessage()?.embeds[0]?.description).toMatch(/^Standings after week 11 of 11\./);

    // The closed poll was scored when week 2's result arrived: Corey Feldman's picker has the point.
    const mine = await slash("predictions", "me", {}, fan(1));
    expect(mine.finalMessage()?.embeds[0]?.description).toMatch(/^✅ \+1 · S34 week 2 elimination/);
    const theirs = await slash("predictions", "me", {}, fan(2));
    expect(theirs.finalMessage()?.embeds[0]?.description).not.toMatch(/^✅/);
  }, 180_000);
});
