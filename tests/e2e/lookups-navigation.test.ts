import type { APIButtonComponentWithCustomId, APIEmbed } from "discord.js";
import { PermissionFlagsBits } from "discord.js";
import { and, desc, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { seasons, weeks } from "../../src/db/schema/index.js";
import type { MessageView } from "../../tools/local-discord/messages.js";
import type { SlashInput } from "../../tools/local-discord/payloads.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { isEphemeral, replyOf } from "../support/replies.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => t?.stop());
// Every reply and update in this file must be one Discord would accept, without tripping its rate limits.
afterEach(() => {
  t.discord.assertNoViolations();
  expect(t.discord.rateLimitHits).toEqual([]);
});

const otherFan = { username: "other-fan" };

const embedOf = (message: MessageView | undefined): APIEmbed => {
  const embed = message?.embeds[0];
  if (!embed) throw new Error(`no embed in ${JSON.stringify(message?.content)}`);
  return embed;
};

async function post(input: SlashInput): Promise<MessageView> {
  const ix = await t.discord.slash(input);
  // A chart may take the bot past its deferral: wait for the answer itself, then a short quiet spell.
  await ix.answered().catch(() => {});
  await ix.settled({ idleMs: 50 });
  const message = ix.finalMessage();
  if (!message) throw new Error(`/${input.name} left no message`);
  return message;
}

/** The custom_id of the enabled button whose label matches, as a member would find it on the message. */
function button(message: MessageView, label: RegExp): string {
  const buttons = (message.components ?? []).flatMap((row) =>
    "components" in row ? (row.components as APIButtonComponentWithCustomId[]) : [],
  );
  const found = buttons.find((b) => !b.disabled && label.test(b.label ?? ""));
  if (!found) throw new Error(`no enabled button ${label} among ${buttons.map((b) => b.label).join(", ")}`);
  return found.custom_id;
}

async function press(message: MessageView, customId: string, extra: { user?: typeof otherFan; forged?: boolean } = {}) {
  const click = await t.discord.click({ message, customId, ...extra });
  await click.answered().catch(() => {});
  await click.settled({ idleMs: 50 });
  return click;
}

/** Each paged or neighbour-linked lookup: what to run, which button leads on, and what the next view shows. */
const navigations: [string, SlashInput, RegExp, (embed: APIEmbed) => void][] = [
  ["season", { name: "season", options: { number: 32 } }, /Season 33/, (e) => expect(e.title).toBe("Season 33")],
  [
    "results",
    { name: "results", options: { season: 32, week: 1 } },
    /Week 2/,
    (e) => expect(e.title).toMatch(/^Season 32 · Week 2\b/),
  ],
  [
    "leaderboard week",
    { name: "leaderboard", options: { season: 32, week: 11 } },
    /Week 10/,
    (e) => expect(e.title).toBe("Season 32 · Week 10 — Semi-Finals"),
  ],
  [
    "leaderboard season",
    { name: "leaderboard", options: { season: 32, week: 11 } },
    /Season 33/,
    // Season 33 has no week 11: the season button lands on its nearest week, the finale.
    (e) => expect(e.title).toMatch(/^Season 33 · Week 9\b/),
  ],
  [
    "pro",
    { name: "pro", options: { name: "Val Chmerkovskiy" } },
    /Next page/,
    (e) => expect(e.fields?.[0]?.value).toMatch(/^\*\*S25\*\*/),
  ],
  [
    "judge",
    { name: "judge", options: { name: "Carrie Ann Inaba" } },
    /Next page/,
    (e) => expect(e.fields?.[0]?.value).toMatch(/^\*\*S13\*\*/),
  ],
  [
    "dance",
    { name: "dance", options: { style: "Tango" } },
    /Next page/,
    (e) => expect(e.footer?.text).toMatch(/^Page 2\//),
  ],
];

describe(`navigating lookups through the local Discord (${engine})`, () => {
  test("GIVEN every loaded command WHEN their component prefixes are listed THEN no two share one", () => {
    // A shared prefix sends one command's buttons to the other (/pro's pages once reached /predictions).
    const prefixes = [...t.bot.commands.values()].flatMap((c) => (c.componentPrefix ? [c.componentPrefix] : []));
    expect(prefixes.length).toBe(new Set(prefixes).size);
  });

  test.each(navigations)(
    "GIVEN a %s message WHEN its owner presses the button THEN the same message moves on",
    async (_, input, label, expectNext) => {
      const message = await post(input);
      const click = await press(message, button(message, label));
      expect(click.initialResponse?.type).toBe(7); // UPDATE_MESSAGE
      expectNext(embedOf(t.discord.message(message.id)));
      expect(click.followUps).toEqual([]);
    },
  );

  test.each(navigations)(
    "GIVEN a %s message WHEN another member presses the button THEN they get a private copy and the owner's message stays",
    async (_, input, label, expectNext) => {
      const message = await post(input);
      const before = embedOf(message);
      const click = await press(message, button(message, label), { user: otherFan });
      const copy = click.finalMessage();
      expect(copy?.id).not.toBe(message.id);
      expect(isEphemeral(copy)).toBe(true);
      expectNext(embedOf(copy));
      expect(embedOf(t.discord.message(message.id))).toEqual(before);
    },
  );

  test.each([
    ["season", "sn:999", { name: "season", options: { number: 32 } }, /There is no season 999.*Try a season from 1-35/],
    ["results", "rs:32:99", { name: "results", options: { season: 32, week: 1 } }, /Season 32 has no week 99\. Try/],
    ["leaderboard", "lb:32:99:0", { name: "leaderboard", options: { season: 32, week: 3 } }, /no week 99\. Try/],
    ["pro", "pro:999999999:0", { name: "pro", options: { name: "Val Chmerkovskiy" } }, /no longer in the records/],
    ["judge", "jd:999999999:0", { name: "judge", options: { name: "Carrie Ann Inaba" } }, /no longer in the records/],
    ["dance", "dn:0:1:moonwalk", { name: "dance", options: { style: "Tango" } }, /Run \/dance again/],
    ["couple", "cp:999999999:0", { name: "couple", options: { name: "Xochitl Gomez" } }, /no longer in the records/],
    ["help", "hp:nonsense", { name: "help" }, /Run \/help again/],
  ] as [string, string, SlashInput, RegExp][])(
    "GIVEN a %s message WHEN a forged button %s is pressed THEN a private sentence refuses it",
    async (_, customId, input, sentence) => {
      const message = await post(input);
      const before = embedOf(message);
      const click = await press(message, customId, { forged: true });
      const reply = replyOf(click);
      expect(reply?.content).toMatch(sentence);
      expect(isEphemeral(reply)).toBe(true);
      expect(embedOf(t.discord.message(message.id))).toEqual(before);
    },
  );
});

describe(`the spoiler guard through /settings (${engine})`, () => {
  const manager = { username: "mod-with-manage-server" };

  test("GIVEN a member without Manage Server WHEN they try /settings THEN Discord does not offer it to them", async () => {
    await expect(
      t.discord.slash({ name: "settings", subcommand: "spoilers", options: { hours: 12 }, user: { username: "fan" } }),
    ).rejects.toThrow(/lacks the permissions to see \/settings/);
    await expect(
      t.discord.slash({
        name: "settings",
        subcommand: "show",
        user: { username: "fan" },
        memberPermissions: PermissionFlagsBits.SendMessages | PermissionFlagsBits.ViewChannel,
      }),
    ).rejects.toThrow(/lacks the permissions/);
  });

  test("GIVEN a member granted Manage Server WHEN they run /settings show THEN they see the guard is off, privately", async () => {
    const reply = await post({
      name: "settings",
      subcommand: "show",
      user: manager,
      memberPermissions: PermissionFlagsBits.ManageGuild,
    });
    expect(isEphemeral(reply)).toBe(true);
    expect(embedOf(reply).description).toContain("spoiler guard off");
  });

  test("GIVEN the newest week aired tonight WHEN the owner turns the guard on THEN /results hides that week's names in spoilers", async () => {
    // The records' newest week that aired (season 35, on the air: week 3) aired long ago; pretend it airs tonight.
    const [newest] = await t.database.db
      .select({ id: weeks.id, number: weeks.number })
      .from(weeks)
      .innerJoin(seasons, eq(seasons.id, weeks.seasonId))
      .where(and(eq(seasons.number, 35), isNull(weeks.status)))
      .orderBy(desc(weeks.number))
      .limit(1);
    if (!newest) throw new Error("season 35 has no aired weeks");
    const today = new Date().toISOString().slice(0, 10);
    await t.database.db.update(weeks).set({ airDate: today }).where(eq(weeks.id, newest.id));

    const set = await post({ name: "settings", subcommand: "spoilers", options: { hours: 48 }, user: t.guild.ownerId });
    expect(isEphemeral(set)).toBe(true);
    expect(embedOf(set).description).toContain("✅ Spoiler guard set to 48 hours.");

    const hidden = embedOf(await post({ name: "results" }));
    expect(hidden.title).toMatch(new RegExp(`^Season 35 · Week ${newest.number}\\b`));
    expect(hidden.description).toMatch(/🙈 Spoiler guard: this server hides the newest week's results until <t:\d+:f>/);
    const lines = (hidden.fields ?? []).flatMap((f) => f.value.split("\n"));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^\|\|.+\|\|$/);
    expect(lines.join("\n")).toContain("||Taylor Hanson & Britt Stewart||");

    // An older week is history: shown openly.
    const older = embedOf(await post({ name: "results", options: { season: 32, week: 1 } }));
    expect(older.fields?.[0]?.value).toBe("Matt Walsh & Koko Iwasaki");

    await post({ name: "settings", subcommand: "spoilers", options: { hours: 0 }, user: t.guild.ownerId });
    const open = embedOf(await post({ name: "results" }));
    expect(open.description ?? "").not.toContain("Spoiler guard");
    expect(open.fields?.map((f) => f.value).join("\n")).not.toContain("||");
  });
});

// Last in the file: it stops the first bot, so later interactions would all reach the second.
describe(`navigation after a restart (${engine})`, () => {
  test("GIVEN messages the first bot sent WHEN it stops and a new bot starts on the same database THEN their buttons still work", async () => {
    const board = await post({ name: "leaderboard", options: { season: 32, week: 11 } });
    const overview = await post({ name: "season", options: { number: 32 } });
    const career = await post({ name: "pro", options: { name: "Val Chmerkovskiy" } });

    await t.bot.stop();
    const second = await t.startAnotherBot();
    expect(t.serving(second)).toBe(true);

    await press(board, button(board, /Week 10/));
    expect(embedOf(t.discord.message(board.id)).title).toBe("Season 32 · Week 10 — Semi-Finals");
    await press(overview, button(overview, /Season 31/));
    expect(embedOf(t.discord.message(overview.id)).title).toBe("Season 31");
    const copy = (await press(career, button(career, /Next page/), { user: otherFan })).finalMessage();
    expect(isEphemeral(copy)).toBe(true);
    expect(embedOf(copy).fields?.[0]?.value).toMatch(/^\*\*S25\*\*/);
    expect(embedOf(t.discord.message(career.id)).fields?.[0]?.value).toMatch(/^\*\*S13\*\*/);
  });
});
