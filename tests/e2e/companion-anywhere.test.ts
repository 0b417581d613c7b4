import { parse } from "csv-parse/sync";
import type { APIMessage } from "discord.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { leaguePoints, leagueTeams, predictionLedger } from "../../src/db/schema/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { answerOf, isEphemeral } from "../support/replies.js";
import { LeagueDriver, waitFor } from "./league-support.js";

// Commands registered globally, as in production: that is what DMs and other servers see.
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ globalCommands: true });
});
afterAll(async () => t?.stop());

const fan = (i: number) => ({ id: String(950000000000000000n + BigInt(i)), username: `anywhere${i}` });
const lookups = ["compare", "couple", "dance", "help", "judge", "leaderboard", "pro", "records", "results", "season"];
const serverOnly = ["league", "poll", "predictions", "remind", "settings"];
type Row = { components: { custom_id: string; label?: string; options?: { label: string; value: string }[] }[] };
const rows = (m: APIMessage | undefined) => (m?.components ?? []) as unknown as Row[];

describe(`lookups anywhere (${engine})`, () => {
  test("GIVEN the global registration THEN lookups are installable to a user and usable in servers, DMs and group DMs; the rest stays in servers", () => {
    const registered = new Map(t.discord.commands().map((c) => [c.name, c]));
    for (const name of lookups) {
      expect(registered.get(name), name).toMatchObject({ integration_types: [0, 1], contexts: [0, 1, 2] });
    }
    for (const name of serverOnly) {
      expect(registered.get(name), name).toMatchObject({ integration_types: [0], contexts: [0] });
    }
    expect([...registered.keys()].sort()).toEqual([...lookups, ...serverOnly].sort());
  });

  test("GIVEN a member in their DM with the bot WHEN they look up a leaderboard and press its button THEN both answer there; /poll is not offered", async () => {
    const ix = await t.discord.slash({
      name: "leaderboard",
      options: { season: 32, week: 10 },
      guildId: null,
      user: fan(1),
    });
    await ix.settled();
    const reply = await answerOf(ix);
    expect(reply?.embeds[0]?.title).toMatch(/^Season 32 · Week 10/);
    const next = rows(reply)
      .flatMap((r) => r.components)
      .find((c) => c.custom_id.startsWith("lb:") && c.label?.includes("Week 11"));
    if (!reply || !next) throw new Error("no week button in the DM answer");
    const click = await t.discord.click({ message: reply.id, customId: next.custom_id, user: fan(1) });
    await click.settled();
    expect((await answerOf(click))?.embeds[0]?.title).toMatch(/^Season 32 · Week 11/);
    const help = await t.discord.slash({ name: "help", guildId: null, user: fan(1) });
    await help.settled();
    expect((await answerOf(help))?.embeds[0]).toBeDefined();
    await expect(
      t.discord.slash({
        name: "poll",
        subcommand: "custom",
        guildId: null,
        user: fan(1),
        options: { question: "x", options: "a|b" },
      }),
    ).rejects.toThrow(/not available in DMs/);
    t.discord.assertNoViolations();
  });

  test("GIVEN the app installed to a member's account WHEN they look up results in a server the bot is not in THEN the answer is an interaction response; server commands are not offered there", async () => {
    const ix = await t.discord.slash({
      name: "results",
      options: { season: 32, week: 5 },
      elsewhere: true,
      user: fan(2),
    });
    await ix.settled();
    expect(ix.payload).toMatchObject({ context: 0, authorizing_integration_owners: { "1": fan(2).id } });
    expect(JSON.stringify((await answerOf(ix))?.embeds)).toContain("Mira Sorvino");
    await expect(
      t.discord.slash({ name: "predictions", subcommand: "leaderboard", elsewhere: true, user: fan(2) }),
    ).rejects.toThrow(/cannot be installed to a user account/);
    t.discord.assertNoViolations();
  });
});

async function exportCsv(
  name: string,
  options: Record<string, string | number>,
  user: string | { id: string; username: string } = t.guild.ownerId,
) {
  const ix = await t.discord.slash({ name, subcommand: "export", options, user });
  await ix.settled();
  const reply = await answerOf(ix);
  const file = reply?.attachments[0];
  return {
    reply,
    file,
    records: file ? (parse(file.bytes, { columns: true, bom: true }) as Record<string, string>[]) : [],
  };
}

async function pollWithVotes(options: Record<string, string | boolean>, votes: string[]) {
  const channel = t.guild.defaultChannelId;
  const before = t.discord.channelMessages(channel).length;
  const ix = await t.discord.slash({ name: "poll", subcommand: "custom", options, user: t.guild.ownerId });
  await ix.settled();
  const message = t.discord.channelMessages(channel)[before];
  const pollId = Number(/poll #(\d+)/.exec(message?.embeds[0]?.footer?.text ?? "")?.[1]);
  if (!message || !pollId) throw new Error(`no poll: ${(await answerOf(ix))?.content}`);
  const buttons = rows(message).flatMap((r) => r.components);
  for (const [i, answer] of votes.entries()) {
    const button = buttons.find((b) => b.label?.replace(/^\d+\. /, "") === answer);
    if (!button) throw new Error(`no ${answer} button`);
    await (await t.discord.click({ message: message.id, customId: button.custom_id, user: fan(100 + i) })).settled();
  }
  return pollId;
}

/** How many rows (or how many points, with `value`) each distinct `key` has. */
function tally<T>(list: T[], key: (item: T) => string, value: (item: T) => number = () => 1) {
  const totals = new Map<string, number>();
  for (const item of list) totals.set(key(item), (totals.get(key(item)) ?? 0) + value(item));
  return Object.fromEntries(totals);
}
const countBy = (records: Record<string, string>[], key: string) => tally(records, (r) => r[key] ?? "");

describe(`CSV exports (${engine})`, () => {
  test("GIVEN a closed anonymous poll and a closed open-ballot poll WHEN a Manage Server member exports them THEN the files parse back to the same counts, and the anonymous one names nobody", async () => {
    const votes = ["Tango", "Waltz", "Tango", "=1+2", "Tango"];
    const secret = await pollWithVotes(
      { question: "Best dance?", options: "Tango | Waltz | =1+2", anonymous: true },
      votes,
    );
    const open = await t.discord.slash({
      name: "poll",
      subcommand: "export",
      options: { poll: secret },
      user: t.guild.ownerId,
    });
    await open.settled();
    expect((await answerOf(open))?.content).toMatch(/still open/);

    await (
      await t.discord.slash({ name: "poll", subcommand: "close", options: { poll: secret }, user: t.guild.ownerId })
    ).settled();
    const { reply, file, records } = await exportCsv("poll", { poll: secret });
    expect(isEphemeral(reply)).toBe(true);
    expect(file?.filename).toBe(`poll-${secret}-votes.csv`);
    expect(records).toHaveLength(5);
    expect(countBy(records, "answer")).toEqual({ Tango: 3, Waltz: 1, "'=1+2": 1 });
    expect(Object.keys(records[0] ?? {})).toEqual(["poll", "question", "voter", "answer_position", "answer"]);
    expect(records.map((r) => r.voter)).toEqual(["voter 1", "voter 2", "voter 3", "voter 4", "voter 5"]);
    const text = file?.bytes.toString("utf8") ?? "";
    for (let i = 0; i < votes.length; i++) expect(text).not.toContain(fan(100 + i).id);

    const ballot = await pollWithVotes({ question: "Encore?", options: "Yes | No" }, ["Yes", "No", "Yes"]);
    await (
      await t.discord.slash({ name: "poll", subcommand: "close", options: { poll: ballot }, user: t.guild.ownerId })
    ).settled();
    const named = await exportCsv("poll", { poll: ballot });
    expect(countBy(named.records, "answer")).toEqual({ Yes: 2, No: 1 });
    expect(named.records.map((r) => r.user_id).sort()).toEqual([fan(100).id, fan(101).id, fan(102).id].sort());

    const member = t.discord.addMember(t.guild.id, { user: fan(9), permissions: 0n });
    const refused = await exportCsv("poll", { poll: ballot }, member);
    expect(refused.reply?.content).toBe("Only members with the Manage Server permission can export poll votes.");
    expect(refused.file).toBeUndefined();
    t.discord.assertNoViolations();
  });

  test("GIVEN a scored elimination poll WHEN /predictions export runs THEN every ledger entry is a row and each member's points add up to the ledger", async () => {
    const channel = t.guild.defaultChannelId;
    const before = t.discord.channelMessages(channel).length;
    await (
      await t.discord.slash({
        name: "poll",
        subcommand: "elimination",
        options: { season: 32, week: 5, closes: "1h" },
        user: t.guild.ownerId,
      })
    ).settled();
    const message = t.discord.channelMessages(channel)[before];
    const menu = rows(message)[0]?.components[0];
    for (const [i, who] of ["Mira Sorvino", "Mira Sorvino", "Xochitl Gomez"].entries()) {
      const value = menu?.options?.find((o) => o.label.includes(who))?.value ?? "";
      await (
        await t.discord.select({
          message: message?.id ?? "",
          customId: menu?.custom_id ?? "",
          values: [value],
          user: fan(200 + i),
        })
      ).settled();
    }
    const pollId = Number(menu?.custom_id.split(":")[1]);
    await (
      await t.discord.slash({ name: "poll", subcommand: "close", options: { poll: pollId }, user: t.guild.ownerId })
    ).settled();

    const { records } = await exportCsv("predictions", {});
    const ledger = await t.database.db.select().from(predictionLedger).where(eq(predictionLedger.guildId, t.guild.id));
    expect(ledger.length).toBeGreaterThan(0);
    expect(records).toHaveLength(ledger.length);
    expect(
      tally(
        records,
        (r) => r.user_id ?? "",
        (r) => Number(r.points),
      ),
    ).toEqual(
      tally(
        ledger,
        (l) => l.userId,
        (l) => l.points,
      ),
    );
    expect(
      records
        .filter((r) => r.poll === String(pollId))
        .map((r) => r.user_id)
        .sort(),
    ).toEqual([fan(200).id, fan(201).id].sort());
  });

  test("GIVEN a replayed league scored to the end WHEN /league export runs THEN its rows and team totals match the league's points", async () => {
    const league = await LeagueDriver.create(t, { name: "Export 32", season: 32, "team-size": 1, "pick-seconds": 600 });
    await league.click("join", fan(300));
    await league.click("join", fan(301));
    await league.click("start", t.guild.ownerId);
    await league.pick(fan(300), "Xochitl Gomez");
    await league.pick(fan(301), "Jason Mraz");
    await waitFor("the draft to finish", async () => ((await league.row()).status === "active" ? true : undefined));
    await answerOf(await league.slash("advance", { all: true }, t.guild.ownerId));
    const { file, records } = await exportCsv("league", { league: league.leagueId });
    expect(file?.filename).toBe(`league-${league.leagueId}-points.csv`);
    const points = await t.database.db.select().from(leaguePoints).where(eq(leaguePoints.leagueId, league.leagueId));
    expect(points.length).toBeGreaterThan(0);
    expect(records).toHaveLength(points.length);
    // Each team's total in the file is what the league holds for that team's member.
    const teams = await t.database.db.select().from(leagueTeams).where(eq(leagueTeams.leagueId, league.leagueId));
    const userOf = (teamId: number) => teams.find((team) => team.id === teamId)?.userId ?? "";
    const held = tally(
      points,
      (p) => userOf(p.teamId),
      (p) => p.points,
    );
    expect(Object.keys(held).sort()).toEqual([fan(300).id, fan(301).id].sort());
    const exported = tally(
      records,
      (r) => r.user_id ?? "",
      (r) => Number(r.points),
    );
    for (const [who, total] of Object.entries(held)) expect(exported[who]).toBeCloseTo(total);
    expect(new Set(records.map((r) => r.couple))).toEqual(new Set(["Xochitl Gomez", "Jason Mraz"]));
  });
});
