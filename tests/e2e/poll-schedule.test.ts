import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { LocalGuild } from "../../tools/local-discord/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { replyOf } from "../support/replies.js";

const ownerId = "900000000000000011";
const owner = { id: ownerId, username: "owner" };
const cast: [string, string][] = [
  ["Nova Lane", "Val Chmerkovskiy"],
  ["Remy Stone", "Jenna Johnson"],
  ["Ivy Park", "Sasha Farber"],
];

let t: TestBot;
let adminGuild: LocalGuild;
beforeAll(async () => {
  t = await startTestBot({ adminGuild: true, env: { BOT_OWNER_IDS: ownerId } });
  if (!t.adminGuild) throw new Error("no admin guild");
  adminGuild = t.adminGuild;
});
afterAll(async () => t?.stop());

async function admin(subcommand: string, options: Record<string, string | number>) {
  const ix = await t.discord.slash({ name: "admin", subcommand, options, user: owner, guildId: adminGuild.id });
  return ix.settled();
}

/** Polls until `check` passes: the scheduler posts on its own timer, not in answer to an interaction. */
async function eventually<T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("the scheduler did not post in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`the weekly poll schedule through the local Discord (${engine})`, () => {
  test("GIVEN an airing season and a schedule for a show three hours away WHEN the scheduler runs THEN it posts the Mirrorball and week 1 elimination polls once, closing at air time", async () => {
    // A new season 36 is on the air: entered by the owners, so it is the default season.
    const form = await admin("season", { season: 36 });
    const saved = await t.discord.submitModal({
      customId: "adm:s:36",
      fields: {
        premiere: "2026-09-15",
        hosts: "Alfonso Ribeiro",
        judges: "Carrie Ann Inaba, Derek Hough, Bruno Tonioli",
        title: "",
      },
      user: owner,
      from: form,
    });
    await saved.settled();
    for (const [celebrity, pro] of cast) await admin("couple", { season: 36, celebrity, pro });

    // The show airs three hours from now (UTC), so the default 24-hour posting window is already open.
    const air = new Date(Date.now() + 3 * 3_600_000);
    const channel = t.guild.defaultChannelId;
    const before = t.discord.channelMessages(channel).length;
    const set = await t.discord.slash({
      name: "poll",
      subcommand: "schedule",
      options: {
        channel,
        day: air.getUTCDay(),
        time: `${String(air.getUTCHours()).padStart(2, "0")}:${String(air.getUTCMinutes()).padStart(2, "0")}`,
        timezone: "UTC",
      },
      user: t.guild.ownerId,
    });
    await set.settled();
    expect(set.finalMessage()?.content).toMatch(/<t:\d+:F>/);

    const posted = await eventually(() => {
      const fresh = t.discord.channelMessages(channel).slice(before);
      return fresh.length >= 2 ? fresh : undefined;
    });
    const embeds = posted.map((m) => m.embeds?.[0] as APIEmbed);
    expect(embeds.map((e) => e.title)).toEqual([
      expect.stringMatching(/Who will win the Mirrorball/),
      expect.stringMatching(/Who goes home/),
    ]);
    const airUnix = Math.floor(air.getTime() / 60_000) * 60;
    for (const embed of embeds) {
      for (const [celebrity] of cast) expect(JSON.stringify(embed)).toContain(celebrity);
      expect(JSON.stringify(embed)).toContain(`<t:${airUnix}:F>`);
    }

    // The schedule moved on to next week: later ticks post nothing more this week.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(t.discord.channelMessages(channel).slice(before)).toHaveLength(2);
    t.discord.assertNoViolations();
    expect(t.discord.rateLimitHits).toEqual([]);
  });

  test("GIVEN a schedule WHEN a member without Manage Server changes it THEN a private sentence refuses", async () => {
    const member = t.discord.addMember(t.guild.id, { user: { username: "fan" } });
    const ix = await t.discord.slash({
      name: "poll",
      subcommand: "unschedule",
      user: member.id,
      memberPermissions: 0n,
    });
    await ix.settled();
    const reply = replyOf(ix);
    expect(reply?.content).toMatch(/Only members with Manage Server/);
  });
});
