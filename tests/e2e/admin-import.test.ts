import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { SeasonFile } from "../../src/data/seasonFile.js";
import { getLiveSeason } from "../../src/db/queries/liveSeasons.js";
import type { InteractionRecord, LocalGuild, MessageView } from "../../tools/local-discord/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { isEphemeral, replyOf } from "../support/replies.js";

const owner = { id: "900000000000000007", username: "owner" };
const coOwner = { id: "900000000000000008", username: "co-owner" };
const fan = { id: "920000000000000001", username: "fan1" };

const judges = ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"];

/** Season 36 after its premiere: four couples, one scored night, one elimination. */
function season36(): SeasonFile {
  const dance = (couple: string, style: string, scores: number[]) => ({
    round: "regular" as const,
    style,
    song: `${style} song`,
    artist: "The Band",
    couples: [couple],
    scores,
  });
  return {
    format: "mirrorball.season/1",
    franchise: "dwts-us",
    season: 36,
    title: "Dancing with the Stars (US) season 36",
    premiere: "2026-09-15",
    finale: null,
    hosts: ["Alfonso Ribeiro", "Julianne Hough"],
    judges,
    couples: [
      { celebrity: "Nova Lane", pro: "Val Chmerkovskiy", notability: "Actor", placement: null, result: "Competing" },
      { celebrity: "Otis Reed", pro: "Jenna Johnson", notability: "Singer", placement: null, result: "Competing" },
      { celebrity: "Pia Hart", pro: "Sasha Farber", notability: "Athlete", placement: null, result: "Competing" },
      {
        celebrity: "Quinn Ames",
        pro: "Emma Slater",
        notability: "Chef",
        placement: 4,
        result: "Eliminated Week 1",
        exitWeek: 1,
      },
    ],
    weeks: [
      {
        week: 1,
        airDate: "2026-09-15",
        theme: "Premiere Night",
        judges,
        performances: [
          dance("Nova Lane", "Cha-cha-cha", [7, 7, 8]),
          dance("Otis Reed", "Foxtrot", [6, 6, 6]),
          dance("Pia Hart", "Salsa", [8, 8, 9]),
          dance("Quinn Ames", "Tango", [5, 6, 5]),
        ],
        results: [{ couple: "Quinn Ames", outcome: "eliminated" }],
      },
    ],
    sources: [{ name: "Mirrorball owners" }],
  };
}

/** A season file as an owner saves it from an editor: pretty-printed, with a final newline. */
const fileText = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;

let t: TestBot;
let adminGuild: LocalGuild;
beforeAll(async () => {
  t = await startTestBot({ adminGuild: true, env: { BOT_OWNER_IDS: `${owner.id},${coOwner.id}` } });
  if (!t.adminGuild) throw new Error("no admin guild");
  adminGuild = t.adminGuild;
});
afterAll(async () => t?.stop());
afterEach(() => t.discord.assertNoViolations());

/** `/admin import file:` in the admin server, by an owner unless told otherwise. */
async function importFile(text: string | Buffer, options: { filename?: string; user?: typeof owner } = {}) {
  const ix = await t.discord.slash({
    name: "admin",
    subcommand: "import",
    options: { file: { filename: options.filename ?? "season-36.json", bytes: text } },
    user: options.user ?? owner,
    guildId: adminGuild.id,
  });
  return ix.settled();
}

/** The dry run message with its Confirm and Cancel buttons. */
function dryRun(ix: InteractionRecord): { message: MessageView; confirm: string; cancel: string } {
  const message = ix.finalMessage();
  const buttons = (message?.components?.[0] as { components?: { custom_id: string; label: string }[] } | undefined)
    ?.components;
  const confirm = buttons?.find((b) => b.label === "Confirm")?.custom_id;
  const cancel = buttons?.find((b) => b.label === "Cancel")?.custom_id;
  if (!message || !confirm || !cancel) throw new Error(`no dry run: ${replyOf(ix)?.content}`);
  return { message, confirm, cancel };
}

async function press(message: MessageView, customId: string, user = owner, forged = false) {
  return (await t.discord.click({ message: message.id, customId, user, forged })).settled();
}

/** A fan's lookup in the fan server. */
async function lookup(name: string, options: Record<string, string | number>) {
  const ix = await t.discord.slash({ name, options, user: fan });
  await ix.settled();
  return replyOf(ix);
}

describe(`/admin import through the real bot (${engine})`, () => {
  test("GIVEN a member who is not a bot owner WHEN they import a file THEN a private sentence refuses it", async () => {
    const ix = await importFile(fileText(season36()), { user: fan });
    const reply = replyOf(ix);
    expect(reply?.content).toMatch(/^Only the bot's owners can change the show's records/);
    expect(isEphemeral(reply)).toBe(true);
    expect((await lookup("season", { number: 36 }))?.content).toMatch(/^There is no season 36 in the records/);
  });

  test.each([
    [
      "a missing comma",
      fileText(season36()).replace('"season": 36,', '"season": 36'),
      /^Nothing was changed: season-36\.json has 1 problem to fix\.\n• is not valid JSON at line 5, column 3: Expected ',' or '}' after property value$/,
    ],
    [
      "its end cut off",
      fileText(season36()).replace(/(?<="judges": \[)[\s\S]*$/, ""),
      /^Nothing was changed: season-36\.json has 1 problem to fix\.\n• is not valid JSON at line 12, column 14: it ends before every \{ and \[ is closed$/,
    ],
    [
      "a score over 10",
      fileText({
        ...season36(),
        weeks: [
          {
            ...season36().weeks[0],
            performances: season36().weeks[0]?.performances.map((p, i) => (i === 2 ? { ...p, scores: [8, 11, 9] } : p)),
          },
        ],
      }),
      /^Nothing was changed: season-36\.json has 1 problem to fix\.\n• weeks\[0\]\.performances\[2\]\.scores\[1\] /,
    ],
    [
      "a result for someone not in the cast",
      fileText(season36()).replace('{\n          "couple": "Quinn Ames"', '{\n          "couple": "Quinn Amos"'),
      /• weeks\[0\]\.results\[0\]\.couple names "Quinn Amos", who is not in this season's couples/,
    ],
  ])(
    "GIVEN a season file with %s WHEN an owner imports it THEN a private sentence names the place in the file",
    async (_what, text, sentence) => {
      const ix = await importFile(text);
      const reply = replyOf(ix);
      expect(reply?.content).toMatch(sentence);
      expect(isEphemeral(reply)).toBe(true);
      expect(reply?.components ?? []).toEqual([]);
    },
  );

  test("GIVEN a file that is not JSON WHEN an owner imports it THEN it is refused by its name", async () => {
    const ix = await importFile("week,couple,score\n", { filename: "scores.csv" });
    const reply = replyOf(ix);
    expect(reply?.content).toBe(
      "scores.csv is not a season file: attach a .json file in the data/ format (season-35.json).",
    );
    expect(isEphemeral(reply)).toBe(true);
  });

  test("GIVEN a valid season-36 file WHEN an owner imports it and presses Cancel THEN the dry run is closed and nothing changes", async () => {
    const ix = await importFile(fileText(season36()));
    const { message, cancel, confirm } = dryRun(ix);
    expect(message.embeds[0]?.title).toBe("Dry run: season-36.json");
    expect(message.embeds[0]?.description).toBe(
      "What season-36.json would change in season 36:\n\nNew season 36: 4 couples, 1 week, 4 dances.",
    );
    const cancelled = await press(message, cancel);
    expect(cancelled.finalMessage()?.id).toBe(message.id);
    expect(cancelled.finalMessage()?.content).toBe("Import of season-36.json cancelled; nothing changed.");
    expect(cancelled.finalMessage()?.components).toEqual([]);
    expect(cancelled.finalMessage()?.embeds).toEqual([]);
    // A Confirm press that was on its way (a second client) finds nothing to apply.
    const late = await press(message, confirm, owner, true);
    expect(replyOf(late)?.content).toMatch(/^That import was already applied, cancelled or has expired/);
    expect(isEphemeral(replyOf(late))).toBe(true);
    expect((await lookup("season", { number: 36 }))?.content).toMatch(/^There is no season 36 in the records/);
  });

  test("GIVEN a dry run WHEN a fan or another owner presses Confirm THEN it is refused; WHEN its owner does THEN season 36 answers /season and /leaderboard", async () => {
    const { message, confirm } = dryRun(await importFile(fileText(season36())));
    const byFan = await press(message, confirm, fan);
    expect(replyOf(byFan)?.content).toMatch(/^Only the bot's owners can change the show's records/);
    const byCoOwner = await press(message, confirm, coOwner);
    expect(replyOf(byCoOwner)?.content).toBe(
      "Only the owner who uploaded this file can confirm it; run /admin import yourself.",
    );
    expect([byFan, byCoOwner].every((ix) => isEphemeral(replyOf(ix)))).toBe(true);
    expect(t.discord.message(message.id)?.components).toHaveLength(1);

    const applied = await press(message, confirm);
    const embed = applied.finalMessage()?.embeds[0];
    expect(applied.finalMessage()?.id).toBe(message.id);
    expect(embed?.title).toBe("Season 36 imported");
    expect(embed?.description).toBe("New season 36: 4 couples, 1 week, 4 dances.");
    expect(embed?.footer?.text).toMatch(/^Season 36 · revision 1 · Every server sees it now/);
    expect(applied.finalMessage()?.components).toEqual([]);

    const season = await lookup("season", { number: 36 });
    expect(JSON.stringify(season?.embeds)).toContain("Nova Lane");
    const board = await lookup("leaderboard", { season: 36, week: 1 });
    expect(board?.embeds?.[0]?.title).toMatch(/^Season 36 · Week 1/);
    expect(board?.embeds?.[0]?.description?.split("\n")).toContain("🥇 **1.** Pia Hart & Sasha Farber — **25**/30");
  });

  test("GIVEN a corrected file WHEN Confirm is pressed twice at once THEN the correction is applied once", async () => {
    const corrected = season36();
    const week1 = corrected.weeks[0];
    if (!week1?.performances[1]) throw new Error("fixture has no week 1");
    week1.performances[1].scores = [9, 9, 9];
    const ix = await importFile(fileText(corrected));
    const { message, confirm } = dryRun(ix);
    expect(message.embeds[0]?.description).toBe(
      'What season-36.json would change in season 36:\n\nweek 1: scores of Otis Reed · regular · Foxtrot · "Foxtrot song" (6 · 6 · 6) → (9 · 9 · 9)',
    );
    // Both presses leave the client before the bot has answered either: the second sees the buttons too.
    const presses = await Promise.all([
      t.discord.click({ message: message.id, customId: confirm, user: owner }),
      t.discord.click({ message: message.id, customId: confirm, user: owner }),
    ]);
    await Promise.all(presses.map((p) => p.settled()));
    const updated = presses.filter((p) => p.finalMessage()?.id === message.id);
    const refused = presses.filter((p) => p.finalMessage()?.id !== message.id);
    expect(updated).toHaveLength(1);
    expect(t.discord.message(message.id)?.embeds[0]?.title).toBe("Season 36 imported");
    expect(t.discord.message(message.id)?.embeds[0]?.footer?.text).toMatch(/^Season 36 · revision 2 ·/);
    expect(refused.map((p) => replyOf(p)?.content)).toEqual([expect.stringMatching(/already applied/)]);
    expect(isEphemeral(replyOf(refused[0] as InteractionRecord))).toBe(true);

    const log = await t.discord.slash({
      name: "admin",
      subcommand: "log",
      options: { season: 36 },
      user: owner,
      guildId: adminGuild.id,
    });
    await log.settled();
    const entries = replyOf(log)?.embeds?.[0]?.fields?.map((f) => f.name) ?? [];
    expect(entries).toHaveLength(2);
    expect(entries.filter((name) => /season 36 r2 · import season-36\.json$/.test(name))).toHaveLength(1);
    const board = await lookup("leaderboard", { season: 36, week: 1 });
    expect(board?.embeds?.[0]?.description?.split("\n")).toContain("🥇 **1.** Otis Reed & Jenna Johnson — **27**/30");
  });

  test("GIVEN the season as /admin export gives it WHEN imported again THEN nothing would change", async () => {
    const exported = await t.discord.slash({
      name: "admin",
      subcommand: "export",
      options: { season: 36 },
      user: owner,
      guildId: adminGuild.id,
    });
    await exported.settled();
    const file = replyOf(exported) && exported.finalMessage()?.attachments[0];
    if (!file) throw new Error(`no export: ${replyOf(exported)?.content}`);
    expect(file.filename).toBe("season-36.json");
    const ix = await importFile(file.bytes);
    expect(replyOf(ix)?.content).toBe("season-36.json is exactly season 36 as recorded; nothing would change.");
    expect(isEphemeral(replyOf(ix))).toBe(true);
  });

  test("GIVEN a dry run WHEN Confirm and Cancel are pressed at once THEN exactly one wins and the message tells the truth", async () => {
    const before = await getLiveSeason(t.database.db, 36);
    const renamed = structuredClone(before?.document ?? season36());
    if (renamed.weeks[0]) renamed.weeks[0].theme = "Premiere Night: Icons";
    const { message, confirm, cancel } = dryRun(await importFile(fileText(renamed)));
    const presses = await Promise.all([
      t.discord.click({ message: message.id, customId: confirm, user: owner }),
      t.discord.click({ message: message.id, customId: cancel, user: owner }),
    ]);
    await Promise.all(presses.map((p) => p.settled()));
    const winners = presses.filter((p) => p.finalMessage()?.id === message.id);
    const losers = presses.filter((p) => p.finalMessage()?.id !== message.id);
    expect(winners).toHaveLength(1);
    expect(losers.map((p) => replyOf(p)?.content)).toEqual([expect.stringMatching(/already applied/)]);
    const after = await getLiveSeason(t.database.db, 36);
    const shown = t.discord.message(message.id);
    if (shown?.content === "Import of season-36.json cancelled; nothing changed.") {
      expect(after?.revision).toBe(before?.revision);
      expect(after?.document).toEqual(before?.document);
    } else {
      expect(shown?.embeds[0]?.title).toBe("Season 36 imported");
      expect(after?.revision).toBe((before?.revision ?? 0) + 1);
      expect(after?.document.weeks[0]?.theme).toBe("Premiere Night: Icons");
    }
  });
});
