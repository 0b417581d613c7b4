import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { LocalGuild } from "../../tools/local-discord/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { isEphemeral, replyOf } from "../support/replies.js";

const ownerId = "900000000000000007";
const owner = { id: ownerId, username: "owner" };
const fan = (i: number) => ({ id: String(920000000000000000n + BigInt(i)), username: `fan${i}` });

let t: TestBot;
let adminGuild: LocalGuild;
beforeAll(async () => {
  t = await startTestBot({ adminGuild: true, env: { BOT_OWNER_IDS: ownerId } });
  if (!t.adminGuild) throw new Error("no admin guild");
  adminGuild = t.adminGuild;
});
afterAll(async () => t?.stop());

async function admin(subcommand: string, options: Record<string, string | number | boolean>) {
  const ix = await t.discord.slash({ name: "admin", subcommand, options, user: owner, guildId: adminGuild.id });
  await ix.settled();
  return ix;
}

/** An admin change that must succeed: returns the change's embed. */
async function change(subcommand: string, options: Record<string, string | number | boolean>) {
  const ix = await admin(subcommand, options);
  const reply = replyOf(ix);
  if (!reply?.embeds?.[0]) throw new Error(`/admin ${subcommand} failed: ${reply?.content}`);
  return reply.embeds[0];
}

async function dance(week: number, couple: string, style: string, scores: string) {
  const ix = await admin("dance", { season: 36, week, round: "regular", couple });
  const modal = ix.initialResponse?.data as { custom_id: string } | undefined;
  if (!modal) throw new Error(`no dance form: ${replyOf(ix)?.content}`);
  const submitted = await t.discord.submitModal({
    customId: modal.custom_id,
    fields: { style, song: `${style} song`, artist: "The Band", scores, bonus: "" },
    user: owner,
    from: ix,
  });
  await submitted.settled();
  const reply = replyOf(submitted);
  if (!reply?.embeds?.[0]) throw new Error(`dance not recorded: ${reply?.content}`);
  return reply.embeds[0];
}

async function lookup(name: string, options: Record<string, string | number | boolean>, subcommand?: string) {
  const ix = await t.discord.slash({ name, options, ...(subcommand ? { subcommand } : {}), user: fan(1) });
  await ix.settled();
  return replyOf(ix);
}

const cast: [string, string][] = [
  ["Nova Lane", "Val Chmerkovskiy"],
  ["Otis Reed", "Jenna Johnson"],
  ["Pia Hart", "Sasha Farber"],
  ["Quinn Ames", "Emma Slater"],
];

describe(`running a live season from Discord (${engine})`, () => {
  test("GIVEN the admin commands WHEN registered THEN they exist only in the admin server", () => {
    expect(t.discord.commands(adminGuild.id).map((c) => c.name)).toEqual(["admin"]);
    expect(t.discord.commands(t.guild.id).map((c) => c.name)).not.toContain("admin");
  });

  test("GIVEN a member who is not a bot owner WHEN they run /admin in the admin server THEN a private sentence refuses it", async () => {
    const ix = await t.discord.slash({
      name: "admin",
      subcommand: "couple",
      options: { season: 36, celebrity: "Mallory", pro: "Val Chmerkovskiy" },
      user: fan(2),
      guildId: adminGuild.id,
    });
    await ix.settled();
    const reply = replyOf(ix);
    expect(reply?.content).toMatch(/^Only the bot's owners can change the show's records/);
    expect(isEphemeral(reply)).toBe(true);
    const suggestions = await t.discord.autocomplete({
      name: "admin",
      subcommand: "couple",
      options: { season: 36, celebrity: "", pro: "val" },
      focused: "pro",
      user: fan(2),
      guildId: adminGuild.id,
    });
    expect(suggestions.choices).toEqual([]);
    t.discord.assertNoViolations();
  });

  test("GIVEN an owner WHEN a whole mini-season is entered by commands THEN every lookup and poll works on it", async () => {
    // The season, through its form.
    const form = await admin("season", { season: 36 });
    expect(form.initialResponse?.type).toBe(9);
    const created = await t.discord.submitModal({
      customId: "adm:s:36",
      fields: {
        premiere: "2026-09-15",
        hosts: "Alfonso Ribeiro, Julianne Hough",
        judges: "Carrie Ann Inaba, Derek Hough, Bruno Tonioli",
        title: "",
      },
      user: owner,
      from: form,
    });
    await created.settled();
    expect(replyOf(created)?.embeds?.[0]?.footer?.text).toMatch(/Saved as a draft/);

    // Existing people autocomplete.
    const pros = await t.discord.autocomplete({
      name: "admin",
      subcommand: "couple",
      options: { season: 36, celebrity: "Nova Lane", pro: "val ch" },
      focused: "pro",
      user: owner,
      guildId: adminGuild.id,
    });
    expect(pros.choices.map((c) => c.value)).toContain("Val Chmerkovskiy");
    for (const [celebrity, pro] of cast) await change("couple", { season: 36, celebrity, pro, notability: "Actor" });

    // A new season becomes the default at once.
    const couple = await lookup("couple", { name: "Nova Lane" });
    expect(couple?.embeds?.[0]?.title).toBe("Nova Lane & Val Chmerkovskiy — Season 36");

    // Three nights, each added as it airs: week 2 has a guest judge on the panel.
    await change("night", { season: 36, week: 1, date: "2026-09-15", theme: "Premiere Night" });

    await t.discord
      .slash({
        name: "settings",
        subcommand: "results-channel",
        options: { channel: t.guild.defaultChannelId },
        user: t.guild.ownerId,
      })
      .then((ix) => ix.settled());

    const week1 = ["7 7 8", "6 6 6", "8 8 9", "5 6 5"];
    for (const [i, [celebrity]] of cast.entries())
      await dance(1, celebrity, ["Cha-cha-cha", "Foxtrot", "Salsa", "Tango"][i] ?? "", week1[i] ?? "");

    const board = await lookup("leaderboard", {});
    expect(board?.embeds?.[0]?.title).toMatch(/^Season 36 · Week 1/);
    expect(board?.embeds?.[0]?.description?.split("\n")).toContain("🥇 **1.** Pia Hart & Sasha Farber — **25**/30");
    // Week 1 complete: the fan server's results channel got the night's leaderboard.
    const posted = t.discord
      .channelMessages(t.guild.defaultChannelId)
      .filter((m) => m.content?.startsWith("Season 36 week 1"));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.embeds[0]?.description?.split("\n")).toContain("🥇 **1.** Pia Hart & Sasha Farber — **25**/30");

    await change("eliminate", { season: 36, week: 1, couple: "Quinn Ames" });
    const results = await lookup("results", { season: 36, week: 1 });
    expect(JSON.stringify(results?.embeds)).toContain("Quinn Ames");

    // A poll on week 2, closed before the result is known.
    const poll = await t.discord.slash({
      name: "poll",
      subcommand: "elimination",
      options: { closes: "1h" },
      user: t.guild.ownerId,
    });
    await poll.settled();
    const message = t.discord
      .channelMessages(t.guild.defaultChannelId)
      .find((m) => m.embeds[0]?.title?.includes("(Season 36, week 2)"));
    if (!message) throw new Error(`no poll: ${replyOf(poll)?.content}`);
    // Three couples left: one button each.
    const buttons =
      (message.components?.[0] as { components?: { custom_id: string; label: string }[] } | undefined)?.components ??
      [];
    expect(buttons.map((b) => b.label.replace(/^\d+\. /, ""))).toEqual([
      "Nova Lane & Val Chmerkovskiy",
      "Otis Reed & Jenna Johnson",
      "Pia Hart & Sasha Farber",
    ]);
    const button = (name: string) => buttons.find((b) => b.label.includes(name))?.custom_id ?? "";
    for (const [i, name] of ["Otis Reed", "Otis Reed", "Nova Lane"].entries()) {
      await (await t.discord.click({ message: message.id, customId: button(name), user: fan(10 + i) })).settled();
    }
    await (await t.discord.slash({ name: "poll", subcommand: "close", options: {}, user: t.guild.ownerId })).settled();

    await change("night", {
      season: 36,
      week: 2,
      date: "2026-09-22",
      theme: "Movie Night",
      guest_judge: "Julianne Hough",
    });
    for (const [i, celebrity] of ["Nova Lane", "Otis Reed", "Pia Hart"].entries()) {
      await dance(2, celebrity, ["Waltz", "Jive", "Rumba"][i] ?? "", ["8 8 8 9", "7 7 7 7", "9 9 9 10"][i] ?? "");
    }
    await change("eliminate", { season: 36, week: 2, couple: "Otis Reed" });
    const mine = await lookup("predictions", {}, "me");
    expect(mine).toBeDefined();
    const picker = await t.discord.slash({ name: "predictions", subcommand: "me", options: {}, user: fan(10) });
    await picker.settled();
    expect(replyOf(picker)?.embeds?.[0]?.description).toMatch(/^✅ \+1 · S36 week 2 elimination/);

    // A correction: Nova went home in week 2, not Otis; the points move, the ledger keeps both entries.
    const corrected = await change("eliminate", { season: 36, week: 2, couple: "Nova Lane" });
    expect(corrected.description).toContain("week 2: results Nova Lane eliminated");
    const after = await t.discord.slash({ name: "predictions", subcommand: "me", options: {}, user: fan(12) });
    await after.settled();
    expect(replyOf(after)?.embeds?.[0]?.description).toMatch(/^✅ \+1 · S36 week 2 elimination/);
    const reversed = await t.discord.slash({ name: "predictions", subcommand: "me", options: {}, user: fan(10) });
    await reversed.settled();
    expect(replyOf(reversed)?.embeds?.[0]?.description).not.toMatch(/^✅/);

    // A score correction shows in the leaderboard at once.
    const fixed = await change("scores", { season: 36, week: 2, couple: "Pia Hart", scores: "10 10 10 10" });
    expect(fixed.description).toContain("(9 · 9 · 9 · 10) → (10 · 10 · 10 · 10)");
    const week2 = await lookup("leaderboard", { season: 36, week: 2 });
    expect(week2?.embeds?.[0]?.description?.split("\n")).toContain("🥇 **1.** Pia Hart & Sasha Farber — **40**/40");

    // The finale.
    await change("night", { season: 36, week: 3, date: "2026-09-29", theme: "Finale" });
    await dance(3, "Otis Reed", "Freestyle", "9 9 9");
    await dance(3, "Pia Hart", "Paso doble", "10 10 10");
    const finale = await change("finale", { season: 36, week: 3, first: "Pia Hart", second: "Otis Reed" });
    expect(finale.description).toContain("Pia Hart: Competing → Winner");
    const season = await lookup("season", { number: 36 });
    expect(JSON.stringify(season?.embeds)).toContain("Pia Hart");
    const winner = await lookup("couple", { name: "pia hart" });
    expect(winner?.embeds?.[0]?.description).toMatch(/Winner/);

    const log = await admin("log", { season: 36 });
    const entries = replyOf(log)?.embeds?.[0]?.fields ?? [];
    expect(entries[0]?.name).toMatch(/season 36 r\d+ · finale/);
    expect(entries.length).toBe(10);
    t.discord.assertNoViolations();
  });

  test.each([
    [
      { season: 36, week: 1, couple: "Nova Lane", scores: "11 8 8" },
      /^Nothing was changed: season 36 has 1 problem.*\n• weeks\[0\]\.performances\[0\]\.scores\[0\]/s,
    ],
    [
      { season: 36, week: 1, couple: "Nova Lane", scores: "8 8" },
      /Week 1 has 3 judges \(Carrie Ann Inaba, Derek Hough, Bruno Tonioli\)/,
    ],
    [
      { season: 36, week: 1, couple: "Xochitl Gomez", scores: "8 8 8" },
      /Season 36 has no couple called "Xochitl Gomez"/,
    ],
    [
      { season: 37, week: 1, couple: "Nova Lane", scores: "8 8 8" },
      /^Season 37 is neither in data\/ nor run from Discord yet/,
    ],
  ])(
    "GIVEN invalid input %o WHEN an owner sends it THEN nothing changes and a sentence says what to fix",
    async (options, sentence) => {
      const before = await lookup("leaderboard", { season: 36, week: 1 });
      const ix = await admin("scores", options);
      const reply = replyOf(ix);
      expect(reply?.content).toMatch(sentence);
      expect(isEphemeral(reply)).toBe(true);
      expect((await lookup("leaderboard", { season: 36, week: 1 }))?.embeds).toEqual(before?.embeds);
    },
  );

  test("GIVEN a dance form with a score over 10 WHEN submitted THEN nothing changes and the owner gets their typing back", async () => {
    const before = await lookup("leaderboard", { season: 36, week: 1 });
    const ix = await admin("dance", { season: 36, week: 1, round: "regular", couple: "Nova Lane" });
    const form = ix.initialResponse?.data as { custom_id: string };
    const submitted = await t.discord.submitModal({
      customId: form.custom_id,
      fields: { style: "Viennese waltz", song: "Moon River", artist: "Andy Williams", scores: "11 9 9", bonus: "" },
      user: owner,
      from: ix,
    });
    await submitted.settled();
    const reply = replyOf(submitted);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply?.content).toMatch(/scores/);
    expect(reply?.content).toContain("What you typed:");
    expect(reply?.content).toContain("song: Moon River");
    expect(reply?.content).toContain("scores: 11 9 9");
    expect((await lookup("leaderboard", { season: 36, week: 1 }))?.embeds).toEqual(before?.embeds);
  });

  test("GIVEN a night dated before the premiere WHEN added THEN the dates out of order are named", async () => {
    const ix = await admin("night", { season: 36, week: 4, date: "2026-09-01" });
    expect(replyOf(ix)?.content).toMatch(/weeks\[3\]\.airDate 2026-09-01 \(week 4\) is before week 3 \(2026-09-29\)/);
  });

  test("GIVEN season 34 only in data/ WHEN an owner picks a couple by autocomplete and records a withdrawal THEN the file is taken over and /results and /season show it", async () => {
    const seasons = await t.discord.autocomplete({
      name: "admin",
      subcommand: "withdraw",
      options: { season: "3", week: 10, couple: "" },
      focused: "season",
      user: owner,
      guildId: adminGuild.id,
    });
    expect(seasons.choices.map((c) => c.value)).toEqual(expect.arrayContaining([36, 34, 33]));
    const couples = await t.discord.autocomplete({
      name: "admin",
      subcommand: "withdraw",
      options: { season: 34, week: 10, couple: "whitney" },
      focused: "couple",
      user: owner,
      guildId: adminGuild.id,
    });
    expect(couples.choices).toEqual([
      { name: "Whitney Leavitt & Mark Ballas (left week 10)", value: "Whitney Leavitt" },
    ]);

    const withdrawn = await change("withdraw", { season: 34, week: 10, couple: "Whitney Leavitt" });
    expect(withdrawn.description).toContain("Whitney Leavitt: Eliminated Week 10 → Withdrew Week 10");
    expect(withdrawn.description).toContain("Taken over from data/seasons/season-34.json");
    expect(withdrawn.footer?.text).toMatch(/^Season 34 · revision 1 ·/);
    const results = await lookup("results", { season: 34, week: 10 });
    expect(results?.embeds?.[0]?.fields?.find((f) => f.name === "Withdrew")?.value).toBe(
      "Whitney Leavitt & Mark Ballas",
    );
    const season = await lookup("season", { number: 34 });
    expect(JSON.stringify(season?.embeds)).toContain("Whitney Leavitt & Mark Ballas — Withdrew Week 10");
    t.discord.assertNoViolations();
  });
});
