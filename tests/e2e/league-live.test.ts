import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { SeasonFile } from "../../src/data/seasonFile.js";
import type { InteractionRecord, LocalGuild } from "../../tools/local-discord/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { done, LeagueDriver, member, text, waitFor } from "./league-support.js";

const owner = { id: "900000000000000009", username: "owner" };
const judges = ["Carrie Ann Inaba", "Derek Hough", "Bruno Tonioli"];
const [m1, m2] = [member(21), member(22)];

/** An invented season 36 on the air: five couples, week 1 danced and scored, its result not recorded yet. */
function season36(): SeasonFile {
  const dance = (couple: string, style: string, scores: number[]) => ({
    round: "regular" as const,
    style,
    song: `${style} song`,
    artist: "The Band",
    couples: [couple],
    scores,
  });
  const couple = (celebrity: string, pro: string) => ({
    celebrity,
    pro,
    notability: "Actor",
    placement: null,
    result: "Competing",
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
      couple("Nova Lane", "Val Chmerkovskiy"),
      couple("Otis Reed", "Jenna Johnson"),
      couple("Pia Hart", "Sasha Farber"),
      couple("Quinn Ames", "Emma Slater"),
      couple("Rae Moss", "Koko Iwasaki"),
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
          dance("Rae Moss", "Jive", [6, 7, 6]),
        ],
      },
    ],
    sources: [{ name: "Mirrorball owners" }],
  };
}

let t: TestBot;
let adminGuild: LocalGuild;
beforeAll(async () => {
  t = await startTestBot({ adminGuild: true, env: { BOT_OWNER_IDS: owner.id } });
  if (!t.adminGuild) throw new Error("no admin guild");
  adminGuild = t.adminGuild;
});
afterAll(async () => t?.stop());

async function admin(subcommand: string, options: Record<string, unknown>): Promise<InteractionRecord> {
  const ix = await t.discord.slash({
    name: "admin",
    subcommand,
    options: options as Record<string, string | number>,
    user: owner,
    guildId: adminGuild.id,
  });
  await done(ix);
  return ix;
}

/** `/admin import` and its Confirm button: the owners' way to load a season on the air. */
async function importSeason(doc: SeasonFile) {
  const ix = await admin("import", {
    file: { filename: "season-36.json", bytes: `${JSON.stringify(doc, null, 2)}\n` },
  });
  const message = ix.finalMessage();
  const buttons = (message?.components?.[0] as { components?: { custom_id: string; label: string }[] } | undefined)
    ?.components;
  const confirm = buttons?.find((b) => b.label === "Confirm")?.custom_id;
  if (!message || !confirm) throw new Error(`no dry run: ${text(ix)}`);
  await done(await t.discord.click({ message: message.id, customId: confirm, user: owner }));
}

describe(`a league on the season on the air (${engine})`, () => {
  test("GIVEN season 35 on the air in the records (weeks 1-3 over) WHEN a league is created and drafted THEN it is live, scores from week 4 and offers the 12 couples still dancing with week 3's scores", async () => {
    const league = await LeagueDriver.create(t, { name: "Season 35", season: 35, "team-size": 2 });
    expect(league.message()?.embeds[0]?.title).toBe("🏆 Season 35 · season 35 (live)");
    await league.click("join", m1);
    await league.click("join", m2);
    await league.click("start", t.guild.ownerId);
    expect((await league.row()).releasedWeek).toBe(3);
    const menu = league.control("pick").options ?? [];
    expect(menu).toHaveLength(12);
    const names = menu.map((o) => o.label.split(" & ")[0]);
    for (const gone of ["Conner Leavitt", "Sarah Jane Nader", "Giada De Laurentiis", "Taylor Hanson"]) {
      expect(names).not.toContain(gone);
    }
    // Week 3 from data/seasons/season-35.json: Amber Glenn and Harry Shum Jr. 8 8 8, the best; ties go by name.
    expect(menu.slice(0, 2).map((o) => [o.label.split(" & ")[0], o.description])).toEqual([
      ["Amber Glenn", "Last week: 24"],
      ["Harry Shum Jr.", "Last week: 24"],
    ]);
    for (const who of [m1, m2, m2, m1]) expect(text(await league.pick(who))).toBe("");
    expect((await league.picks()).map((p) => p.fromWeek)).toEqual([4, 4, 4, 4]);
    const standings = await league.slash("standings", {}, m1);
    expect(standings.finalMessage()?.embeds[0]?.description).toMatch(/^Standings after week 3 of 11\./);
    t.discord.assertNoViolations();
  });

  test("GIVEN a season on the air WHEN a league drafts it and the owners record week 1's result and a correction THEN it scores, opens waivers and re-scores", async () => {
    await importSeason(season36());
    const league = await LeagueDriver.create(t, { name: "Season 36 Live", season: 36, "team-size": 2 });
    expect(league.message()?.embeds[0]?.title).toBe("🏆 Season 36 Live · season 36 (live)");
    await league.click("join", m1);
    await league.click("join", m2);
    await league.click("start", t.guild.ownerId);
    for (const [who, couple] of [
      [m1, "Pia Hart"],
      [m2, "Nova Lane"],
      [m2, "Rae Moss"],
      [m1, "Quinn Ames"],
    ] as const) {
      expect(text(await league.pick(who, couple))).toBe("");
    }
    const waiting = await league.slash("standings", {}, m1);
    expect(waiting.finalMessage()?.embeds[0]?.description).toMatch(/^No week scored yet\./);

    // The owners record week 1's result: Quinn Ames goes home. Every league on season 36 follows.
    await admin("eliminate", { season: 36, week: 1, couple: "Quinn Ames" });
    await waitFor("week 1 scored", async () => ((await league.row()).releasedWeek === 1 ? true : undefined));
    await waitFor("the waivers on the league message", () =>
      league.message()?.embeds[0]?.description?.startsWith("**Waivers after week 1:**") ? true : undefined,
    );
    // By hand: Pia 25 (the night's top) + 5 + 3 survived = 33, Quinn 16 - 5 = 11: team 1 44.
    // Nova 22 + 3 = 25, Rae 19 + 3 = 22: team 2 47.
    const scored = await league.slash("standings", {}, m1);
    const lines = scored.finalMessage()?.embeds[0]?.description ?? "";
    expect(lines).toContain(`**1st** Team dancer22 (<@${m2.id}>) — **47 pts** (+47 week 1)`);
    expect(lines).toContain(`**2nd** Team dancer21 (<@${m1.id}>) — **44 pts** (+44 week 1)`);
    expect(league.control("pick").options?.map((o) => [o.label, o.description])).toEqual([
      ["Otis Reed & Jenna Johnson", "Last week: 18"],
    ]);
    expect(text(await league.pick(m1, "Otis Reed"))).toBe("");

    // A correction of Nova's marks (7 7 8 -> 9 9 9) makes her the night's top: +5 marks, +5 top; Pia loses the top.
    await admin("scores", { season: 36, week: 1, couple: "Nova Lane", scores: "9 9 9" });
    await waitFor("the re-scored standings", async () => {
      const ix = await league.slash("standings", {}, m1);
      const description = ix.finalMessage()?.embeds[0]?.description ?? "";
      return description.includes(`Team dancer22 (<@${m2.id}>) — **57 pts**`) &&
        description.includes(`Team dancer21 (<@${m1.id}>) — **39 pts**`)
        ? true
        : undefined;
    });
    t.discord.assertNoViolations();
  });
});
