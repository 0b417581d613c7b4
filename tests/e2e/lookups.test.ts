import type { APIApplicationCommandOption, APIEmbed } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { MessageView } from "../../tools/local-discord/messages.js";
import type { SlashInput } from "../../tools/local-discord/payloads.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { isEphemeral, replyTo } from "../support/replies.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => t?.stop());
// Every reply in this file must be one Discord would accept, without tripping its rate limits.
afterEach(() => {
  t.discord.assertNoViolations();
  expect(t.discord.rateLimitHits).toEqual([]);
});

const lookupCommands = [
  "season",
  "results",
  "leaderboard",
  "couple",
  "compare",
  "pro",
  "judge",
  "dance",
  "records",
  "help",
  "settings",
];

/** Runs a command as the default member and returns the reply as it stands once the bot is done. */
const run = (input: SlashInput): Promise<MessageView> => replyTo(t.discord, input);

const embedOf = (message: MessageView): APIEmbed => {
  const [embed] = message.embeds;
  if (!embed) throw new Error(`no embed in ${JSON.stringify(message.content)}`);
  return embed;
};
const fieldText = (embed: APIEmbed) => (embed.fields ?? []).map((f) => `${f.name}\n${f.value}`).join("\n");

/** The PNG signature and the IHDR chunk's size, read from the bytes the local Discord kept. */
function png(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe(`lookup commands through the local Discord (${engine})`, () => {
  test("GIVEN /season number:32 WHEN run THEN Xochitl Gomez & Val Chmerkovskiy won the Len Goodman Mirrorball Trophy", async () => {
    const embed = embedOf(await run({ name: "season", options: { number: 32 } }));
    expect(embed.title).toBe("Season 32");
    expect(embed.description).toContain(
      "🏆 **Xochitl Gomez & Val Chmerkovskiy** won the Len Goodman Mirrorball Trophy.",
    );
    expect(embed.description).toContain("Judges: Carrie Ann Inaba, Derek Hough, Bruno Tonioli");
    expect(fieldText(embed)).toContain("**14th** Matt Walsh & Koko Iwasaki — Eliminated Week 1");
  });

  test.each(Array.from({ length: 34 }, (_, i) => i + 1))(
    "GIVEN season %i WHEN /season, /results and /leaderboard week 1 run THEN each answers publicly with that season",
    async (season) => {
      const [overview, results, board] = await Promise.all([
        run({ name: "season", options: { number: season } }),
        run({ name: "results", options: { season } }),
        run({ name: "leaderboard", options: { season, week: 1 } }),
      ]);
      expect(embedOf(overview).title).toBe(`Season ${season}`);
      expect(embedOf(overview).description).toMatch(/won the .*Trophy\.|No winner is recorded yet/);
      expect(embedOf(results).title).toMatch(new RegExp(`^Season ${season} · Week \\d+`));
      expect(embedOf(board).title).toMatch(new RegExp(`^Season ${season} · Week 1\\b`));
      for (const reply of [overview, results, board]) expect(isEphemeral(reply)).toBe(false);
    },
  );

  test("GIVEN /results season:32 week:1 WHEN run THEN Matt Walsh & Koko Iwasaki went home", async () => {
    const embed = embedOf(await run({ name: "results", options: { season: 32, week: 1 } }));
    expect(embed.title).toBe("Season 32 · Week 1 — Premiere Night");
    expect(embed.fields?.find((f) => f.name === "Went home")?.value).toBe("Matt Walsh & Koko Iwasaki");
  });

  test("GIVEN /results season:32 week:11 WHEN run THEN the finale lists the final placements", async () => {
    const embed = embedOf(await run({ name: "results", options: { season: 32, week: 11 } }));
    const placements = embed.fields?.find((f) => f.name === "Final placements")?.value ?? "";
    expect(placements.split("\n")[0]).toBe("🥇 1st Xochitl Gomez & Val Chmerkovskiy — Winner");
  });

  test("GIVEN /pro name:Val Chmerkovskiy WHEN run THEN his titles include seasons 20, 23 and 32", async () => {
    const embed = embedOf(await run({ name: "pro", options: { name: "Val Chmerkovskiy" } }));
    expect(embed.title).toBe("Val Chmerkovskiy — pro");
    const titles = /🏆 (\d+) titles: (.*)/.exec(embed.description ?? "");
    expect(titles?.[2]).toContain("season 20 with Rumer Willis");
    expect(titles?.[2]).toContain("season 23 with Laurie Hernandez");
    expect(titles?.[2]).toContain("season 32 with Xochitl Gomez (Len Goodman Mirrorball Trophy)");
    expect(fieldText(embed)).toContain("**S20** · Rumer Willis · 🏆 Winner");
  });

  test("GIVEN /judge name:Carrie Ann Inaba WHEN run THEN her record covers every season with her average and tens", async () => {
    const embed = embedOf(await run({ name: "judge", options: { name: "carrie ann" } }));
    expect(embed.title).toBe("Carrie Ann Inaba — judge");
    expect(embed.description).toContain("On the panel: season 1-35 (35 seasons)");
    expect(embed.description).toMatch(/Average mark given: \*\*\d\.\d\d\*\* over \d+ dances · \*\*\d+\*\* tens/);
    expect(fieldText(embed)).toMatch(/^\*\*S1\*\* · panel/m);
  });

  test("GIVEN /dance style:Argentine tango season:32 WHEN run THEN Jason Mraz's 40 in week 9 leads", async () => {
    const embed = embedOf(await run({ name: "dance", options: { style: "argentine tango", season: 32 } }));
    expect(embed.title).toBe("Best-scored Argentine tango in season 32");
    expect(embed.description).toContain("1. **40**/40 · Jason Mraz & Daniella Karagach · S32 W9");
  });

  test("GIVEN /records season:32 WHEN run THEN Xochitl Gomez leads the perfect scores and the averages", async () => {
    const embed = embedOf(await run({ name: "records", options: { season: 32 } }));
    expect(embed.title).toBe("Records: season 32");
    const field = (name: RegExp) => embed.fields?.find((f) => name.test(f.name))?.value ?? "";
    expect(field(/^Most perfect scores$/).split("\n")[0]).toBe("1. **6** · Xochitl Gomez & Val Chmerkovskiy");
    expect(field(/^Best averages/).split("\n")[0]).toBe("1. **9.13** · Xochitl Gomez & Val Chmerkovskiy · 14 dances");
  });

  test("GIVEN /records with no season WHEN run THEN the all-time records answer", async () => {
    const embed = embedOf(await run({ name: "records" }));
    expect(embed.title).toBe("Records: every season");
    expect(embed.fields?.map((f) => f.name)).toContain("Highest scores");
  });

  test("GIVEN /compare a:Xochitl Gomez b:Charity Lawson WHEN run THEN both sides, their own best dances and a PNG chart", async () => {
    const reply = await run({ name: "compare", options: { a: "Xochitl Gomez", b: "Charity Lawson" } });
    const embed = embedOf(reply);
    expect(embed.title).toBe("Xochitl Gomez & Val Chmerkovskiy vs Charity Lawson & Artem Chigvintsev");
    expect(embed.fields?.[0]?.value).toContain("Season 32 · 🏆 Winner");
    expect(embed.fields?.[1]?.value).toContain("Season 32 · 4th place");
    // The best dance is the couple's own, not the team dance they shared with others.
    expect(embed.fields?.[0]?.value).toContain("Best: **40**/40 · Tango · S32 W8");
    // Marks out of 10, not raw totals whose maximum jumps from 30 to 80 (week 7's two dances of four judges).
    expect(embed.fields?.[2]?.name).toBe("Average judge's mark week by week (out of 10)");
    const weeks = embed.fields?.[2]?.value.split("\n") ?? [];
    expect(weeks[0]).toBe("W1: 6 vs 7.33");
    for (const line of weeks)
      for (const mark of line.replace(/^W\d+: /, "").split(" vs "))
        if (mark !== "–") expect(Number(mark)).toBeLessThanOrEqual(10);
    const [chart] = reply.attachments;
    expect(chart?.filename).toMatch(/^compare-\d+-\d+\.png$/);
    // The local Discord, like Discord, turns attachment:// into the uploaded file's URL.
    expect(embed.image?.url).toMatch(new RegExp(`/${chart?.filename}$`));
    const size = png(chart?.bytes ?? Buffer.alloc(0));
    expect(size.width).toBeGreaterThanOrEqual(600);
    expect(size.height).toBeGreaterThanOrEqual(300);
  });

  test("GIVEN /couple name:xochitl WHEN run THEN the card carries a valid PNG chart", async () => {
    const reply = await run({ name: "couple", options: { name: "xochitl" } });
    expect(embedOf(reply).title).toBe("Xochitl Gomez & Val Chmerkovskiy — Season 32");
    const [chart] = reply.attachments;
    expect(chart?.filename).toMatch(/^couple-\d+\.png$/);
    expect(embedOf(reply).image?.url).toMatch(new RegExp(`/${chart?.filename}$`));
    const size = png(chart?.bytes ?? Buffer.alloc(0));
    expect(size.width).toBeGreaterThanOrEqual(600);
    expect(size.height).toBeGreaterThanOrEqual(300);
  });

  test("GIVEN Joey Graziadei's season 33 WHEN /couple runs THEN no week claims more than its maximum: bonus points stand apart", async () => {
    const embed = embedOf(await run({ name: "couple", options: { name: "Joey Graziadei" } }));
    expect(embed.title).toBe("Joey Graziadei & Jenna Johnson — Season 33");
    const field = (week: number) => embed.fields?.find((f) => f.name.startsWith(`Week ${week} `))?.name;
    // Week 3: two nights, each scored by the panel and that night's guest (totals only): 34 + 36 of 80.
    expect(field(3)).toBe("Week 3 — Soul Train Night / Hair Metal Night · 70/80 · 1st of 11");
    // Week 6: 29 from the judges and 3 bonus points, not "32/30".
    expect(field(6)).toBe("Week 6 — Halloween Nightmares Night · 29/30 + 3 bonus · 1st of 7");
    for (const f of embed.fields ?? []) {
      const marks = /· ([\d.]+)\/(\d+)(?: [+−] [\d.]+ bonus)? ·/.exec(f.name);
      expect(marks, f.name).not.toBeNull();
      if (marks) expect(Number(marks[1])).toBeLessThanOrEqual(Number(marks[2]));
    }
  });

  test("GIVEN season 31's semifinal, partly known as weekly figures WHEN /leaderboard runs THEN totals show without float noise", async () => {
    const embed = embedOf(await run({ name: "leaderboard", options: { season: 31, week: 9 } }));
    expect(embed.title).toBe("Season 31 · Week 9 — Semi-finals");
    // Weekly figures like 8.5 + 8 + 8 + 8 times two dances once showed as "65.00".
    const lines = (embed.description ?? "").split("\n").filter((l) => /^\S*\s*\*\*\d+\.\*\*/.test(l));
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line).toMatch(/ — \*\*\d+(\.\d\d?)?\*\*/);
    expect(lines.join("\n")).not.toMatch(/\.0+\b/);
    expect(lines.join("\n")).toContain("Trevor Donovan & Emma Slater — **65** (weekly figures 65, any bonus included");
  });

  test("GIVEN /help WHEN it answers THEN one page lists every registered command, grouped, and an old page button shows the same page", async () => {
    const ix = await t.discord.slash({ name: "help" });
    await ix.settled();
    const message = ix.finalMessage();
    if (!message) throw new Error("no help message");
    const embed = embedOf(message);
    const listed = new Set([...JSON.stringify(embed.fields ?? []).matchAll(/`\/([-\w]+)/g)].map((m) => m[1] as string));
    const registered = t.discord.commands(t.guild.id).map((c) => c.name);
    expect([...listed, "help"].sort()).toEqual([...registered].sort());
    expect(message.components ?? []).toEqual([]);
    // /help had pages once: their buttons, still in channels, answer with the one page.
    const click = await t.discord.click({ message, customId: "hp:1", forged: true });
    await click.settled();
    expect(embedOf(t.discord.message(message.id) ?? message).fields).toEqual(embed.fields);
  });
});

/** Every option with autocomplete on the lookup commands, with what a member might have typed so far. */
const typedFor: Record<string, string> = {
  "couple.name": "val",
  "pro.name": "val",
  "judge.name": "carrie",
  "compare.a": "xoch",
  "compare.b": "charity",
  "dance.style": "tang",
  "leaderboard.week": "1",
  "results.week": "1",
};

describe(`autocomplete on the lookup commands (${engine})`, () => {
  test("GIVEN every autocomplete option of the lookup commands WHEN typed in THEN each answers with at most 25 choices", async () => {
    const options = t.discord
      .commands(t.guild.id)
      .filter((c) => lookupCommands.includes(c.name))
      .flatMap((c) =>
        (c.options ?? [])
          .filter(
            (o): o is APIApplicationCommandOption & { autocomplete: true } => "autocomplete" in o && !!o.autocomplete,
          )
          .map((o) => ({ command: c.name, option: o.name })),
      );
    expect(options.map((o) => `${o.command}.${o.option}`).sort()).toEqual(
      [
        "compare.a",
        "compare.b",
        "couple.name",
        "dance.season",
        "dance.style",
        "judge.name",
        "leaderboard.season",
        "leaderboard.week",
        "pro.name",
        "records.season",
        "results.season",
        "results.week",
        "season.number",
      ].sort(),
    );
    const latency: Record<string, number> = {};
    for (const { command, option } of options) {
      // Season options: "3" offers seasons 3 and 30-34.
      const typed = typedFor[`${command}.${option}`] ?? "3";
      const result = await t.discord.autocomplete({ name: command, options: { [option]: typed }, focused: option });
      latency[`${command}.${option}`] = Math.round(result.latencyMs);
      expect(result.choices.length, `${command}.${option}`).toBeGreaterThan(0);
      expect(result.choices.length, `${command}.${option}`).toBeLessThanOrEqual(25);
      for (const choice of result.choices) expect(choice.name.length).toBeLessThanOrEqual(100);
    }
    // Recorded for reading, not asserted: speed belongs in benchmarks.
    console.info(`autocomplete latency (ms, ${engine}):`, latency);
  });

  test.each([
    ["pro", "name", "val", "Val Chmerkovskiy"],
    ["judge", "name", "carrie", "Carrie Ann Inaba"],
    ["dance", "style", "argentine", "Argentine tango"],
    ["compare", "b", "charity", "Charity Lawson"],
    ["couple", "name", "helio", "Hélio Castroneves"],
  ])("GIVEN /%s %s typed as %s WHEN autocompleting THEN %s is offered", async (command, option, typed, expected) => {
    const result = await t.discord.autocomplete({ name: command, options: { [option]: typed }, focused: option });
    expect(result.choices.map((c) => c.name).join("\n")).toContain(expected);
  });

  test("GIVEN /results season:32 chosen WHEN typing the week THEN the weeks of season 32 with their themes are offered", async () => {
    const result = await t.discord.autocomplete({
      name: "results",
      options: { season: 32, week: "" },
      focused: "week",
    });
    expect(result.choices.map((c) => c.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(result.choices[0]?.name).toBe("Week 1 — Premiere Night");
  });
});

describe(`bad input to the lookup commands (${engine})`, () => {
  test.each<[SlashInput, string | RegExp]>([
    [{ name: "season", options: { number: 99 } }, "There is no season 99 in the records. Try a season from 1-35."],
    [{ name: "results", options: { season: 32, week: 15 } }, "Season 32 has no week 15. Try a week from 1-11."],
    [{ name: "results", options: { season: 99 } }, "There is no season 99 in the records. Try a season from 1-35."],
    [{ name: "leaderboard", options: { season: 99 } }, /There is no season 99.*Try a season from 1-35/],
    [{ name: "pro", options: { name: "Zzyzx Qwerty" } }, /No pro called "Zzyzx Qwerty".*Pick one from the list/],
    [{ name: "judge", options: { name: "Val Chmerkovskiy" } }, /No judge called "Val Chmerkovskiy".*Pick one/],
    [{ name: "dance", options: { style: "Moonwalk" } }, /No dance style called "Moonwalk".*Pick one/],
    [{ name: "dance", options: { style: "Tango", season: 99 } }, /There is no season 99/],
    [{ name: "records", options: { season: 99 } }, /There is no season 99/],
    [{ name: "couple", options: { name: "Zzyzx Qwerty" } }, /No celebrity or pro called "Zzyzx Qwerty".*pick one/],
    [
      { name: "couple", options: { name: "Xochitl Gomez", season: 20 } },
      "Xochitl Gomez was not in season 20; try season 32.",
    ],
    [
      { name: "compare", options: { a: "Xochitl Gomez", b: "Zzyzx Qwerty" } },
      /No celebrity or pro called "Zzyzx Qwerty"/,
    ],
    [{ name: "compare", options: { a: "Xochitl Gomez", b: "xochitl" } }, /same couple twice: pick two different/],
  ])("GIVEN %o WHEN run THEN a private sentence says what to try", async (input, sentence) => {
    const reply = await run(input);
    expect(reply.content).toMatch(sentence);
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.embeds).toEqual([]);
  });
});
