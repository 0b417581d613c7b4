/**
 * Issue 15: every season complete and current. Seasons 31 (weeks 7-10), 33, 34 (dance by dance from the Wikipedia
 * wikitext) and 35 (on the air: weeks 1-3 scored, week 4 announced, weeks 5-11 scheduled), asked through the
 * local Discord as a member would.
 */
import type { APIEmbed } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { MessageView } from "../../tools/local-discord/messages.js";
import type { SlashInput } from "../../tools/local-discord/payloads.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { replyOf, replyTo } from "../support/replies.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => t?.stop());
afterEach(() => {
  t.discord.assertNoViolations();
  expect(t.discord.rateLimitHits).toEqual([]);
});

const run = (input: SlashInput): Promise<MessageView> => replyTo(t.discord, input);

const embedOf = (message: MessageView): APIEmbed => {
  const [embed] = message.embeds;
  if (!embed) throw new Error(`no embed in ${JSON.stringify(message.content)}`);
  return embed;
};
/** The ranked lines of a leaderboard's description ("🥇 **1.** Couple — **total**…"), in order. */
const ranked = (embed: APIEmbed) =>
  (embed.description ?? "").split("\n").filter((l) => /^(\S+ )?\*\*\d+\.\*\* /.test(l));
const details = (embed: APIEmbed) => (embed.fields ?? []).map((f) => `${f.name}\n${f.value}`).join("\n");

describe(`season 34, dance by dance (${engine})`, () => {
  test("GIVEN /leaderboard season:34 week:6 WHEN run THEN Wicked Night ranks all ten couples with each judge's mark", async () => {
    const embed = embedOf(await run({ name: "leaderboard", options: { season: 34, week: 6 } }));
    expect(embed.title).toBe("Season 34 · Week 6 — Wicked Night");
    expect(embed.description).toContain("Aired October 21, 2025");
    expect(embed.description).toContain("Judges: Carrie Ann Inaba · Derek Hough · Jon M. Chu (guest) · Bruno Tonioli");
    expect(ranked(embed)).toEqual([
      "🥇 **1.** Jordan Chiles & Ezra Sosa — **39**/40",
      "🥇 **1.** Whitney Leavitt & Mark Ballas — **39**/40",
      "🥉 **3.** Danielle Fishel & Pasha Pashkov — **36**/40",
      "🥉 **3.** Elaine Hendrix & Alan Bersten — **36**/40",
      "🥉 **3.** Robert Irwin & Witney Carson — **36**/40",
      "**6.** Alix Earle & Val Chmerkovskiy — **35**/40",
      "**7.** Dylan Efron & Daniella Karagach — **32**/40",
      "**7.** Jen Affleck & Jan Ravnik — **32**/40",
      "**9.** Scott Hoying & Rylee Arnold — **28**/40",
      "**10.** Andy Richter & Emma Slater — **27**/40",
    ]);
    expect(details(embed)).toContain('• Quickstep · "Popular" (Ariana Grande) — 10 · 9 · 10 · 10 = **39**/40');
    expect(details(embed)).toContain(
      '• Rumba · "For Good" (Cynthia Erivo & Ariana Grande) — 10 · 9 · 10 · 10 = **39**/40',
    );
  });

  test("GIVEN week 7's marathon and week 9's relays WHEN /leaderboard runs THEN bonus points stand apart from the judges' 40", async () => {
    const week7 = embedOf(await run({ name: "leaderboard", options: { season: 34, week: 7 } }));
    expect(ranked(week7)[0]).toBe("🥇 **1.** Alix Earle & Val Chmerkovskiy — **43** (39/40 + 4 bonus)");
    expect(ranked(week7)).toContain("**8.** Elaine Hendrix & Alan Bersten — **32**/40");
    expect(details(week7)).toContain("• Bonus: 5 (Dance marathon)");
    const week9 = embedOf(await run({ name: "leaderboard", options: { season: 34, week: 9 } }));
    expect(week9.description).toContain("Tom Bergeron (guest)");
    expect(ranked(week9)).toContain("🥇 **1.** Robert Irwin & Witney Carson — **42** (40/40 + 2 bonus)");
    expect(ranked(week9)).toContain("🥇 **1.** Whitney Leavitt & Mark Ballas — **42** (40/40 + 2 bonus)");
    expect(details(week9)).toContain("Xochitl Gomez stood in for Witney Carson");
    expect(details(week9)).toContain("• Bonus: 2 (Immunity from the dance relays)");
  });

  test("GIVEN /couple name:Robert Irwin WHEN run THEN the season 34 winner's every week, with its three-dance finale and a chart", async () => {
    const reply = await run({ name: "couple", options: { name: "Robert Irwin" } });
    const embed = embedOf(reply);
    expect(embed.title).toBe("Robert Irwin & Witney Carson — Season 34");
    expect(embed.description).toContain("🏆 Winner of the Len Goodman Mirrorball Trophy");
    expect(embed.description).toContain("Wildlife conservationist & television presenter");
    const text = details(embed);
    expect(text).toContain('• Jive · "Born to be Wild" (Steppenwolf) — 8 · 7 = **15**/20');
    expect(text).toContain(
      '• Freestyle · "Black and Gold / The Nights" (Sam Sparro / Avicii) — 10 · 10 · 10 = **30**/30',
    );
    expect(text).toContain('• Cha-cha-cha · "Cake by the Ocean" (DNCE) — 10 · 10 · 10 = **30**/30');
    expect(reply.attachments).toHaveLength(1);
    // Every week of the season is on the card, none claiming more than its maximum.
    const pages = Number(/Page \d+\/(\d+)/.exec(embed.footer?.text ?? "")?.[1] ?? 1);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const f of embed.fields ?? []) {
      const marks = /· ([\d.]+)\/(\d+)(?: [+−] [\d.]+ bonus)? ·/.exec(f.name);
      expect(marks, f.name).not.toBeNull();
      if (marks) expect(Number(marks[1])).toBeLessThanOrEqual(Number(marks[2]));
    }
  });
});

describe(`season 35, on the air (${engine})`, () => {
  test("GIVEN /leaderboard season:35 week:3 WHEN run THEN Yacht Rock Night ranks its thirteen couples, ties sharing a rank", async () => {
    const embed = embedOf(await run({ name: "leaderboard", options: { season: 35, week: 3 } }));
    expect(embed.title).toBe("Season 35 · Week 3 — Yacht Rock Night");
    expect(embed.description).toContain("Aired September 29, 2026");
    const lines = ranked(embed);
    expect(lines).toHaveLength(13);
    expect(lines.slice(0, 2)).toEqual([
      "🥇 **1.** Amber Glenn & Pasha Pashkov — **24**/30",
      "🥇 **1.** Harry Shum Jr. & Jenna Johnson — **24**/30",
    ]);
    expect(lines.at(-1)).toBe("**13.** Guillermo Rodriguez & Witney Carson — **15**/30");
    expect(details(embed)).toContain('• Foxtrot · "Hold the Line" (Toto) — 8 · 8 · 8 = **24**/30');
  });

  test("GIVEN /leaderboard with no options WHEN run THEN the latest season's latest aired week answers: season 35 week 3", async () => {
    const embed = embedOf(await run({ name: "leaderboard" }));
    expect(embed.title).toBe("Season 35 · Week 3 — Yacht Rock Night");
  });

  test("GIVEN week 4 and week 8 of season 35 WHEN asked THEN the bot says plainly what is not known yet", async () => {
    const week4 = embedOf(await run({ name: "leaderboard", options: { season: 35, week: 4 } }));
    expect(week4.title).toBe("Season 35 · Week 4 — Mariah Carey Night");
    expect(week4.description).toContain(
      "Scheduled for October 6, 2026. The dances below were announced before the show and are not scored yet",
    );
    expect(ranked(week4)).toEqual([]);
    expect(week4.description).toContain('• Amber Glenn & Pasha Pashkov — Rumba · "Hero" (Mariah Carey)');
    expect((week4.description ?? "").split("\n").filter((l) => l.startsWith("• "))).toHaveLength(12);
    const week8 = embedOf(await run({ name: "leaderboard", options: { season: 35, week: 8 } }));
    expect(week8.title).toBe("Season 35 · Week 8 — Disney Night");
    expect(week8.description).toContain(
      "Scheduled for November 2, 2026. This night has not aired in our records yet: its dances, judges, scores and results are not known.",
    );
    const results = embedOf(await run({ name: "results", options: { season: 35, week: 8 } }));
    expect(results.description).toContain("No results are recorded for this week yet.");
  });

  test("GIVEN /couple name:Amber Glenn WHEN run THEN her three scored weeks show and she is still competing", async () => {
    const embed = embedOf(await run({ name: "couple", options: { name: "Amber Glenn" } }));
    expect(embed.title).toBe("Amber Glenn & Pasha Pashkov — Season 35");
    expect(embed.description).toContain("Still competing after week 3");
    expect((embed.fields ?? []).map((f) => f.name.replace(/ · \d.*$/, ""))).toEqual([
      "Week 1 — Premiere (two nights: Night 1 Men, Night 2 Women)",
      "Week 2 — Viral Hits Night",
      "Week 3 — Yacht Rock Night",
      "Week 4 — Mariah Carey Night · announced for October 6, 2026",
    ]);
    expect(embed.fields?.[3]?.value).toBe('• Rumba · "Hero" (Mariah Carey) — not scored yet');
  });

  test("GIVEN /season with no number WHEN run THEN season 35 answers with its cast and no winner yet", async () => {
    const embed = embedOf(await run({ name: "season" }));
    expect(embed.title).toMatch(/season 35/i);
    const text = `${embed.description}\n${details(embed)}`;
    expect(text).toContain("Amber Glenn & Pasha Pashkov");
    expect(text).not.toMatch(/🏆 Winner/);
  });

  test("GIVEN /poll mirrorball and /poll elimination with no season WHEN run THEN they offer season 35's twelve couples for week 4", async () => {
    // Each poll is posted in the channel; the messages are read from there, as members see them.
    const polls: MessageView[] = [];
    for (const subcommand of ["mirrorball", "elimination"]) {
      const before = t.discord.channelMessages(t.guild.defaultChannelId).length;
      const ix = await t.discord.slash({ name: "poll", subcommand, options: { closes: "1h" }, user: t.guild.ownerId });
      await ix.settled();
      const message = t.discord.channelMessages(t.guild.defaultChannelId)[before];
      if (!message) throw new Error(`no ${subcommand} poll: ${JSON.stringify(replyOf(ix)?.content)}`);
      polls.push(message);
    }
    expect(polls.map((m) => m.embeds[0]?.title)).toEqual([
      "📊 Who will win the Mirrorball? (Season 35)",
      "📊 Who goes home this week? (Season 35, week 4)",
    ]);
    for (const poll of polls) {
      const text = JSON.stringify(poll.components);
      expect(text.match(/ & /g)).toHaveLength(12);
      expect(text).toContain("Amber Glenn");
      expect(text).not.toContain("Taylor Hanson");
    }
  });
});

describe(`seasons 31 and 33, from the compiled files (${engine})`, () => {
  test("GIVEN /leaderboard season:31 week:8 WHEN run THEN 90s Night ranks all eight couples with the relay bonus apart", async () => {
    const embed = embedOf(await run({ name: "leaderboard", options: { season: 31, week: 8 } }));
    expect(embed.title).toBe("Season 31 · Week 8 — 90s Night");
    expect(ranked(embed)).toEqual([
      "🥇 **1.** Charli D'Amelio & Mark Ballas — **45** (40/40 + 5 bonus)",
      "🥇 **1.** Wayne Brady & Witney Carson — **45** (40/40 + 5 bonus)",
      "🥉 **3.** Shangela & Gleb Savchenko — **42** (37/40 + 5 bonus)",
      "**4.** Gabby Windey & Val Chmerkovskiy — **40**/40",
      "**5.** Daniel Durant & Britt Stewart — **39**/40",
      "**5.** Trevor Donovan & Emma Slater — **39** (34/40 + 5 bonus)",
      "**7.** Heidi D'Amelio & Artem Chigvintsev — **35**/40",
      "**8.** Vinny Guadagnino & Koko Iwasaki — **29**/40",
    ]);
    expect(details(embed)).toContain('• Salsa · "Barbie Girl" — 8 · 9 · 8 · 9 = **34**/40');
  });

  test("GIVEN /couple name:Charli D'Amelio WHEN run THEN her finale's redemption and freestyle are there", async () => {
    const reply = await run({ name: "couple", options: { name: "Charli D'Amelio" } });
    const embed = embedOf(reply);
    expect(embed.title).toBe("Charli D'Amelio & Mark Ballas — Season 31");
    // Later weeks are one click away on the card's own buttons.
    const pages = Number(/Page \d+\/(\d+)/.exec(embed.footer?.text ?? "")?.[1] ?? 1);
    const coupleId = /"cp:(\d+):/.exec(JSON.stringify(reply.components))?.[1];
    let text = details(embed);
    for (let page = 1; page < pages; page++) {
      const click = await t.discord.click({ message: reply.id, customId: `cp:${coupleId}:${page}` });
      await click.settled();
      const now = t.discord.message(reply.id);
      if (now) text += `\n${details(embedOf(now))}`;
    }
    expect(text).toContain('• Redemption · Jive · "Grown" (Little Mix) — 10 · 10 · 10 · 10 = **40**/40');
    expect(text).toContain('• Freestyle · "Us Again" (Pinar Toprak) — 10 · 10 · 10 · 10 = **40**/40');
  });

  test("GIVEN /leaderboard season:33 week:3 WHEN run THEN both nights' dances rank eleven couples, each night out of 40", async () => {
    const embed = embedOf(await run({ name: "leaderboard", options: { season: 33, week: 3 } }));
    expect(embed.title).toBe("Season 33 · Week 3 — Soul Train Night / Hair Metal Night");
    expect(embed.description).toContain("Rosie Perez (guest) · Gene Simmons (guest)");
    const lines = ranked(embed);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe("🥇 **1.** Joey Graziadei & Jenna Johnson — **70**/80");
    expect(lines.at(-1)).toBe("**11.** Reginald VelJohnson & Emma Slater — **42**/80");
    expect(details(embed)).toContain('• Jive · "Shout" (The Isley Brothers) — total **34**/40');
    expect(details(embed)).toContain('• Viennese waltz · "Fallin\'" (Alicia Keys) — 8 · 7 · 8 · – · 8 = **31**/40');
  });

  test("GIVEN /couple name:Ilona Maher WHEN run THEN the runner-up's season 33 has her dances, styles and songs", async () => {
    const embed = embedOf(await run({ name: "couple", options: { name: "Ilona Maher" } }));
    expect(embed.title).toBe("Ilona Maher & Alan Bersten — Season 33");
    expect(embed.description).toContain("2nd place");
    expect(details(embed)).toContain('• Rumba · "My Way" (Yseult) — 8 · 8 · 8 · 8 = **32**/40');
    expect(details(embed)).toContain("Team dance · Team Goofs");
  });
});
