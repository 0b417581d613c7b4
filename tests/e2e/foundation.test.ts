import type { APIEmbed } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { isEphemeral, replyOf } from "../support/replies.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => t?.stop());

const embedOf = (message: { embeds?: APIEmbed[] } | undefined) => message?.embeds?.[0];

describe(`the foundation through the local Discord (${engine})`, () => {
  test("GIVEN a fresh start WHEN the bot connects THEN it registers its commands to the dev guild once", async () => {
    expect(t.discord.commands(t.guild.id).map((c) => c.name)).toEqual(
      expect.arrayContaining(["leaderboard", "couple"]),
    );
    expect(t.discord.commandPuts(t.guild.id)).toBe(1);
    const second = await t.startAnotherBot();
    expect(second.client.isReady()).toBe(true);
    // Same definitions on the same database: a restart does not register again.
    expect(t.discord.commandPuts(t.guild.id)).toBe(1);
    await second.stop();
  });

  test("GIVEN /leaderboard season:32 week:11 WHEN run THEN the finale ranks by semifinal plus finale totals", async () => {
    const ix = await t.discord.slash({ name: "leaderboard", options: { season: 32, week: 11 } });
    const first = await ix.firstResponse();
    expect(first.latencyMs).toBeLessThan(3000);
    await ix.settled();
    const embed = embedOf(ix.finalMessage());
    expect(embed?.title).toBe("Season 32 · Week 11 — Finale");
    // Every couple ranked in the description, the carried-over semifinal added apart from the finale's marks.
    expect(embed?.description?.split("\n").filter((l) => / — \*\*/.test(l))).toEqual([
      "🥇 **1.** Xochitl Gomez & Val Chmerkovskiy — **120** (week 10 60/60 + this week 60/60)",
      "🥈 **2.** Charity Lawson & Artem Chigvintsev — **118** (week 10 59/60 + this week 59/60)",
      "🥉 **3.** Ariana Madix & Pasha Pashkov — **117** (week 10 58/60 + this week 59/60)",
      "🥉 **3.** Jason Mraz & Daniella Karagach — **117** (week 10 57/60 + this week 60/60)",
      "**5.** Alyson Hannigan & Sasha Farber — **104** (week 10 51/60 + this week 53/60)",
    ]);
    expect(embed?.fields?.map((f) => f.name)).toEqual([
      "🥇 1. Xochitl Gomez & Val Chmerkovskiy",
      "🥈 2. Charity Lawson & Artem Chigvintsev",
      "🥉 3. Ariana Madix & Pasha Pashkov",
      "🥉 3. Jason Mraz & Daniella Karagach",
      "5. Alyson Hannigan & Sasha Farber",
    ]);
    expect(embed?.fields?.[0]?.value).toContain(
      'Redemption · Foxtrot · "Unconditionally" (Katy Perry) — 10 · 10 · 10 = **30**/30',
    );
    expect(isEphemeral(ix.finalMessage())).toBe(false);
    t.discord.assertNoViolations();
  });

  test("GIVEN the leaderboard WHEN its owner presses the previous-week button THEN the message moves to week 10", async () => {
    const ix = await t.discord.slash({ name: "leaderboard", options: { season: 32, week: 11 } });
    await ix.settled();
    const message = ix.finalMessage();
    if (!message) throw new Error("no leaderboard message");
    const click = await t.discord.click({ message, customId: "lb:32:10:0" });
    await click.settled();
    expect(embedOf(t.discord.message(message.id))?.title).toBe("Season 32 · Week 10 — Semi-Finals");
    t.discord.assertNoViolations();
  });

  test("GIVEN /couple name:xochitl WHEN run THEN every week she danced is listed with her placement and average", async () => {
    const ix = await t.discord.slash({ name: "couple", options: { name: "xochitl" } });
    await ix.settled();
    const embed = embedOf(ix.finalMessage());
    expect(embed?.title).toBe("Xochitl Gomez & Val Chmerkovskiy — Season 32");
    expect(embed?.description).toMatch(/Winner/);
    expect(embed?.description).toMatch(/Average: \*\*\d\.\d\d\*\* per judge/);
    const weeks = (embed?.fields ?? []).map((f) => Number(/^Week (\d+)/.exec(f.name)?.[1]));
    expect(weeks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    t.discord.assertNoViolations();
  });

  test.each([
    ["helio", "Hélio Castroneves"],
    ["xoch", "Xochitl Gomez"],
  ])("GIVEN %s typed WHEN autocompleting /couple THEN %s is offered", async (typed, name) => {
    const result = await t.discord.autocomplete({ name: "couple", options: { name: typed }, focused: "name" });
    expect(result.choices.map((c) => c.name).join("\n")).toContain(name);
    expect(result.choices.length).toBeLessThanOrEqual(25);
  });

  test.each([
    [{ name: "leaderboard", options: { season: 32, week: 15 } }, "Season 32 has no week 15. Try a week from 1-11."],
    [
      { name: "couple", options: { name: "Xochitel Gomes" } },
      /No celebrity or pro called "Xochitel Gomes".*Did you mean Xochitl Gomez/,
    ],
    [
      { name: "couple", options: { name: "Xochitl Gomez", season: 20 } },
      "Xochitl Gomez was not in season 20; try season 32.",
    ],
  ])("GIVEN bad input %o WHEN run THEN a private sentence says what to try", async (input, sentence) => {
    const ix = await t.discord.slash(input);
    await ix.settled();
    const reply = replyOf(ix);
    expect(reply?.content).toMatch(sentence);
    expect(isEphemeral(reply)).toBe(true);
    t.discord.assertNoViolations();
  });

  test("GIVEN a forged leaderboard button WHEN pressed THEN a private sentence refuses it", async () => {
    const ix = await t.discord.slash({ name: "leaderboard", options: { season: 32, week: 3 } });
    await ix.settled();
    const message = ix.finalMessage();
    if (!message) throw new Error("no leaderboard message");
    const click = await t.discord.click({ message, customId: "lb:32:99:0", forged: true });
    await click.settled();
    const reply = replyOf(click);
    expect(reply?.content).toMatch(/Season 32 has no week 99/);
    expect(isEphemeral(reply)).toBe(true);
  });
});
