/**
 * The three seed articles the project started from (../shared/seeds: the season 32 finale of December 5, 2023, its
 * results and scores, and the season 32 cast), fact by fact, each checked in what the bot shows a member through
 * the local Discord. The facts are listed here as data; nothing below reads the articles.
 */
import type { APIEmbed } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { SlashInput } from "../../tools/local-discord/payloads.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { replyTo } from "../support/replies.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => t?.stop());
afterEach(() => {
  t.discord.assertNoViolations();
  expect(t.discord.rateLimitHits).toEqual([]);
});

async function shown(input: SlashInput): Promise<string> {
  return (await replyTo(t.discord, input)).embeds.map(embedText).join("\n");
}

function embedText(e: APIEmbed): string {
  return [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text]
    .filter(Boolean)
    .join("\n");
}

/** Markdown bold and escapes out of the way: the facts are read as a member reads them. */
const readable = (text: string) => text.replace(/\*\*/g, "").replace(/\\([*_`~|>\\])/g, "$1");

/** The cast as the cast article pairs them. */
const cast: [celebrity: string, pro: string][] = [
  ["Barry Williams", "Peta Murgatroyd"],
  ["Matt Walsh", "Koko Iwasaki"],
  ["Mauricio Umansky", "Emma Slater"],
  ["Mira Sorvino", "Gleb Savchenko"],
  ["Lele Pons", "Brandon Armstrong"],
  ["Adrian Peterson", "Britt Stewart"],
  ["Jason Mraz", "Daniella Karagach"],
  ["Harry Jowsey", "Rylee Arnold"],
  ["Alyson Hannigan", "Sasha Farber"],
  ["Xochitl Gomez", "Val Chmerkovskiy"],
  ["Tyson Beckford", "Jenna Johnson"],
  ["Ariana Madix", "Pasha Pashkov"],
  ["Charity Lawson", "Artem Chigvintsev"],
  ["Jamie Lynn Spears", "Alan Bersten"],
];

/** The finale, couple by couple: redemption dance, freestyle songs, scores, the combined total, the placement. */
const finale = [
  {
    couple: "Xochitl Gomez & Val Chmerkovskiy",
    redemption: { style: "Foxtrot", song: "Unconditionally", artist: "Katy Perry", score: 30 },
    afterRedemption: "90/90",
    freestyle: { songs: ["Que Calor"], artists: ["District 78"], score: 30 },
    total: 120,
    placement: "1st Xochitl Gomez & Val Chmerkovskiy — Winner",
  },
  {
    couple: "Jason Mraz & Daniella Karagach",
    redemption: { style: "Foxtrot", song: "Fly Me to the Moon", artist: "Frank Sinatra", score: 30 },
    afterRedemption: null,
    freestyle: { songs: ["Happy"], artists: ["C2C feat. Derek Martin"], score: 30 },
    total: 117,
    placement: "2nd Jason Mraz & Daniella Karagach — Runner-up",
  },
  {
    couple: "Ariana Madix & Pasha Pashkov",
    redemption: { style: "Samba", song: "Spice Up Your Life", artist: "Spice Girls", score: 29 },
    afterRedemption: null,
    freestyle: { songs: ["Run the World (Girls)", "Level Up"], artists: ["Beyoncé", "Ciara"], score: 30 },
    total: 117,
    placement: "3rd Ariana Madix & Pasha Pashkov — Third place",
  },
  {
    couple: "Charity Lawson & Artem Chigvintsev",
    redemption: { style: "Tango", song: "Libertango", artist: "Astor Piazzolla", score: 29 },
    afterRedemption: null,
    freestyle: {
      songs: ["Lose My Breath", "Suéltate"],
      artists: ["Destiny's Child", "Sam i & Jarina De Marco feat. Anitta & BIA"],
      score: 30,
    },
    total: 118,
    placement: "4th Charity Lawson & Artem Chigvintsev — Fourth place",
  },
  {
    couple: "Alyson Hannigan & Sasha Farber",
    redemption: { style: "Salsa", song: "Get On Your Feet", artist: "Gloria Estefan", score: 25 },
    afterRedemption: "76/90",
    freestyle: {
      songs: ["Papi", "Enchanted (Taylor's Version)"],
      artists: ["Jennifer Lopez", "Taylor Swift"],
      score: 28,
    },
    total: 104,
    placement: "5th Alyson Hannigan & Sasha Farber — Fifth place",
  },
];

describe(`every fact of the seed articles, as the bot shows them (${engine})`, () => {
  test("GIVEN /season number:32 WHEN run THEN the winner, the trophy's name, the finale's date, hosts, judges and the cast with pros", async () => {
    const text = readable(await shown({ name: "season", options: { number: 32 } }));
    expect(text).toContain("Xochitl Gomez & Val Chmerkovskiy won the Len Goodman Mirrorball Trophy.");
    expect(text).toContain("Finale: December 5, 2023");
    expect(text).toMatch(/^Hosts: .*\bAlfonso Ribeiro\b/m);
    expect(text).toMatch(/^Hosts: .*\bJulianne Hough\b/m);
    for (const judge of ["Bruno Tonioli", "Derek Hough", "Carrie Ann Inaba"])
      expect(text).toMatch(new RegExp(`^Judges: .*${judge}`, "m"));
    for (const [celebrity, pro] of cast) expect(text).toContain(`${celebrity} & ${pro}`);
    expect(text.match(/^(🏆 )?\d+(st|nd|rd|th) .+ & .+ — /gm)).toHaveLength(cast.length);
  });

  test("GIVEN /results season:32 week:11 WHEN run THEN the five finalists' placements, from the winner down", async () => {
    const text = readable(await shown({ name: "results", options: { season: 32, week: 11 } }));
    const placed = text.split("\n").filter((l) => /\d(st|nd|rd|th) /.test(l));
    expect(placed.map((l) => l.replace(/^\S+ (?=\d)/, ""))).toEqual(finale.map((f) => f.placement));
  });

  test("GIVEN /leaderboard season:32 week:11 WHEN run THEN every redemption dance, all five freestyle songs, each score and each combined total", async () => {
    const text = readable(await shown({ name: "leaderboard", options: { season: 32, week: 11 } }));
    for (const judge of ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"]) expect(text).toContain(judge);
    const totals: Record<string, number> = {};
    for (const f of finale) {
      const r = f.redemption;
      expect(text).toContain(`Redemption · ${r.style} · "${r.song}" (${r.artist}) — `);
      expect(text).toMatch(
        new RegExp(`"${escapeRegExp(r.song)}" \\(${escapeRegExp(r.artist)}\\) — [\\d ·]+ = ${r.score}/30`),
      );
      const fs = f.freestyle;
      expect(text).toContain(`Freestyle · "${fs.songs.join(" / ")}" (${fs.artists.join(" / ")}) — `);
      expect(text).toMatch(
        new RegExp(`"${escapeRegExp(fs.songs.join(" / "))}" \\([^)]*(\\)[^)]*)?\\) — [\\d ·]+ = ${fs.score}/30`),
      );
      const line = text.split("\n").find((l) => l.includes(` ${f.couple} — `) && /^\S*\s*\d+\. /.test(l));
      expect(line, f.couple).toBeDefined();
      totals[f.couple] = Number(/ — (\d+)/.exec(line ?? "")?.[1]);
      // The standing after the redemption round, before the freestyles (semifinal plus redemption).
      if (f.afterRedemption) {
        const redemptionLine = text.split("\n").find((l) => l.includes(`"${r.song}"`));
        expect(redemptionLine).toContain(`→ ${f.afterRedemption} with week 10`);
      }
    }
    expect(totals).toEqual(Object.fromEntries(finale.map((f) => [f.couple, f.total])));
  });

  test("GIVEN /couple name:Xochitl Gomez WHEN run THEN four perfect scores in the last two weeks, and her freestyle to Que Calor", async () => {
    const text = readable(await shown({ name: "couple", options: { name: "Xochitl Gomez" } }));
    expect(text).toContain("Xochitl Gomez & Val Chmerkovskiy — Season 32");
    expect(text).toContain("Winner of the Len Goodman Mirrorball Trophy");
    const lastTwo = text.slice(text.indexOf("Week 10"));
    expect(lastTwo.match(/10 · 10 · 10 = 30\/30/g)).toHaveLength(4);
    expect(lastTwo).toContain('Freestyle · "Que Calor" (District 78) — 10 · 10 · 10 = 30/30');
  });

  test("GIVEN the champions the finale article names WHEN /season runs for their seasons THEN each is there", async () => {
    // Season 31 champions Charli D'Amelio & Mark Ballas; season 28 champion Hannah Brown; season 24 champion
    // Rashad Jennings; Hélio Castroneves of season 5.
    const winners: [number, string][] = [
      [31, "Charli D'Amelio & Mark Ballas won the Mirrorball Trophy."],
      [28, "Hannah Brown & Alan Bersten won the Mirrorball Trophy."],
      [24, "Rashad Jennings & Emma Slater won the Mirrorball Trophy."],
    ];
    for (const [season, line] of winners)
      expect(readable(await shown({ name: "season", options: { number: season } }))).toContain(line);
    expect(readable(await shown({ name: "season", options: { number: 5 } }))).toContain(
      "Hélio Castroneves & Julianne Hough",
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
