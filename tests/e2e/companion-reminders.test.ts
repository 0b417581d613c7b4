import type { APIMessage } from "discord.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { deliveriesOf } from "../../src/db/queries/reminders/index.js";
import { companionJobNames } from "../../src/reminders/jobs.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { answerOf, isEphemeral } from "../support/replies.js";

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => t?.stop());

const member = (i: number) => ({ id: String(930000000000000000n + BigInt(i)), username: `companion${i}` });
type Row = { components: { custom_id: string; label?: string; options?: { label: string; value: string }[] }[] };
const rows = (m: APIMessage | undefined) => (m?.components ?? []) as unknown as Row[];
const buttons = (m: APIMessage | undefined) => rows(m).flatMap((r) => r.components);
const dms = (i: number) => t.discord.dmMessages(member(i).id);

/** Opens /remind me and presses the toggles for `kinds`, as the member would. */
async function optIn(i: number, kinds: string[]) {
  const ix = await t.discord.slash({ name: "remind", subcommand: "me", user: member(i) });
  await ix.settled();
  let panel = await answerOf(ix);
  expect(isEphemeral(panel)).toBe(true);
  for (const kind of kinds) {
    const button = buttons(panel).find((b) => b.custom_id === `rmd:t:${kind}`);
    if (!panel || !button) throw new Error(`no ${kind} toggle on the panel`);
    const click = await t.discord.click({ message: panel.id, customId: button.custom_id, user: member(i) });
    await click.settled();
    panel = (await answerOf(click)) ?? panel;
  }
  return panel;
}

async function createPoll(options: Record<string, string | number>) {
  const channel = t.guild.defaultChannelId;
  const before = t.discord.channelMessages(channel).length;
  const ix = await t.discord.slash({ name: "poll", subcommand: "elimination", options, user: t.guild.ownerId });
  await ix.settled();
  const message = t.discord.channelMessages(channel)[before];
  if (!message) throw new Error(`no poll message: ${(await answerOf(ix))?.content}`);
  return message;
}

async function pick(message: APIMessage, i: number, celebrity: string) {
  const menu = rows(message)[0]?.components[0];
  const value = menu?.options?.find((o) => o.label.includes(celebrity))?.value;
  if (!menu || value === undefined) throw new Error(`no ${celebrity} on the poll`);
  const ix = await t.discord.select({
    message: message.id,
    customId: menu.custom_id,
    values: [value],
    user: member(i),
  });
  await ix.settled();
}

const pollIdOf = (message: APIMessage) => Number(rows(message)[0]?.components[0]?.custom_id.split(":")[1]);

describe(`reminders by DM through the local Discord (${engine})`, () => {
  test("GIVEN members who opted in (one with closed DMs), one who voted and one who never asked WHEN the reminder job runs before, at and after the hour THEN each asker gets one DM at the right time, across a restart and two processes", async () => {
    await optIn(1, ["lock"]);
    await optIn(2, ["lock"]); // DMs closed
    await optIn(3, ["lock"]); // will have voted
    t.discord.addMember(t.guild.id, { user: member(4) }); // never asked
    t.discord.dms.closeDms(member(2).id);

    const poll = await createPoll({ season: 32, week: 6, closes: "3h" });
    await pick(poll, 3, "Xochitl Gomez");
    const closesAt = Date.now() + 3 * 3_600_000;
    const at = (minutesBefore: number) => new Date(closesAt - minutesBefore * 60_000);

    // An hour and a bit before: not yet.
    await t.bot.jobs.runNow(companionJobNames.reminders, at(65));
    expect(dms(1)).toHaveLength(0);

    // Inside the hour: the one who asked and has not voted gets it; the closed inbox is recorded.
    await t.bot.jobs.runNow(companionJobNames.reminders, at(55));
    expect(dms(1)).toHaveLength(1);
    expect(dms(1)[0]?.content).toMatch(
      /^⏰ Picks lock in 1 hour in \*\*Mirrorball Fans\*\*: your week 6 elimination pick closes <t:\d+:R>/,
    );
    expect(dms(1)[0]?.content).toContain(
      `https://discord.com/channels/${t.guild.id}/${t.guild.defaultChannelId}/${poll.id}`,
    );
    expect(dms(2)).toHaveLength(0);
    expect(dms(3)).toHaveLength(0);
    expect(dms(4)).toHaveLength(0);
    const failed = await deliveriesOf(t.database.db, member(2).id);
    expect(failed).toEqual([expect.objectContaining({ kind: "lock", sentAt: null, failureCode: 50007 })]);
    expect(failed[0]?.failedAt).toBeInstanceOf(Date);

    // Again in the same process, after a restart, and in two processes at once: no second DM, no retried failure.
    await t.bot.jobs.runNow(companionJobNames.reminders, at(50));
    await t.bot.stop();
    const [second, third] = [await t.startAnotherBot(), await t.startAnotherBot()];
    await Promise.all([
      second.jobs.runNow(companionJobNames.reminders, at(30)),
      third.jobs.runNow(companionJobNames.reminders, at(30)),
    ]);
    expect(dms(1)).toHaveLength(1);
    expect(await deliveriesOf(t.database.db, member(2).id)).toHaveLength(1);
    t.bot = second;

    // A second poll an hour from its close, with two processes racing: exactly one DM each.
    const another = await createPoll({ season: 32, week: 7, closes: "2h" });
    const closes2 = Date.now() + 2 * 3_600_000;
    await Promise.all([
      second.jobs.runNow(companionJobNames.reminders, new Date(closes2 - 30 * 60_000)),
      third.jobs.runNow(companionJobNames.reminders, new Date(closes2 - 30 * 60_000)),
    ]);
    expect(dms(1)).toHaveLength(2);
    expect(dms(1)[1]?.content).toContain(`/${another.id}`);
    // Member 2's closed inbox paused their reminders: nothing was tried for the second poll.
    expect(await deliveriesOf(t.database.db, member(2).id)).toHaveLength(1);
    expect(pollIdOf(another)).toBeGreaterThan(pollIdOf(poll));
    // Discord refused the closed inbox once, and the bot never tried it again.
    expect(t.discord.takeViolations().map((v) => `${v.method} ${v.route} ${v.code}`)).toEqual([
      "POST /channels/{channel_id}/messages 50007",
    ]);
  });

  test("GIVEN a member who asked for 'the show starts in 15 minutes' WHEN the job runs 16 and then 14 minutes before air time, in two processes THEN one DM arrives, at 14", async () => {
    await optIn(5, ["showtime"]);
    const air = new Date(Date.now() + 5 * 3_600_000);
    air.setUTCSeconds(0, 0);
    const set = await t.discord.slash({
      name: "poll",
      subcommand: "schedule",
      options: {
        channel: t.guild.defaultChannelId,
        day: air.getUTCDay(),
        time: `${String(air.getUTCHours()).padStart(2, "0")}:${String(air.getUTCMinutes()).padStart(2, "0")}`,
        timezone: "UTC",
        "hours-before": 0.5,
        // A season whose nights have all aired, so the calendar job has nothing to put on this server's calendar
        // (which the bot may not manage) whenever this runs; the latest season's nights may still be ahead.
        season: 32,
      },
      user: t.guild.ownerId,
    });
    await set.settled();
    const bots = [t.bot, await t.startAnotherBot()];
    await Promise.all(
      bots.map((b) => b.jobs.runNow(companionJobNames.reminders, new Date(air.getTime() - 16 * 60_000))),
    );
    expect(dms(5)).toHaveLength(0);
    await Promise.all(
      bots.map((b) => b.jobs.runNow(companionJobNames.reminders, new Date(air.getTime() - 14 * 60_000))),
    );
    await Promise.all(
      bots.map((b) => b.jobs.runNow(companionJobNames.reminders, new Date(air.getTime() - 5 * 60_000))),
    );
    expect(dms(5).map((m) => m.content)).toEqual([
      `💃 The show starts in 15 minutes (<t:${air.getTime() / 1000}:t>) in **Mirrorball Fans**.`,
    ]);
    // Nobody else was told: the members of the first test asked only for "picks lock".
    expect(dms(1)).toHaveLength(2);
    t.discord.assertNoViolations();
  });

  test("GIVEN members who asked for 'your pick went home' and 'results are in' WHEN the elimination poll is scored THEN the picker of the couple who left gets a spoiler-safe DM, the results asker one line, and a 'Stop' button ends it", async () => {
    await optIn(6, ["pick", "results"]);
    await optIn(7, ["pick"]);
    const poll = await createPoll({ season: 32, week: 5, closes: "1h" });
    await pick(poll, 6, "Mira Sorvino"); // went home in week 5
    await pick(poll, 7, "Xochitl Gomez"); // stayed
    const close = await t.discord.slash({
      name: "poll",
      subcommand: "close",
      options: { poll: pollIdOf(poll) },
      user: t.guild.ownerId,
    });
    await close.settled();
    await t.bot.jobs.runNow(companionJobNames.reminders);
    const got = dms(6).map((m) => m.content);
    expect(got).toEqual(
      expect.arrayContaining([
        `📮 News about your season 32 week 5 pick in **Mirrorball Fans**.\nWhen you are ready: ||Mira Sorvino & Gleb Savchenko went home that week.||`,
        `📣 Season 32 week 5's results are in. Run /results in **Mirrorball Fans** when you have watched.`,
      ]),
    );
    expect(got).toHaveLength(2);
    // The first line, which notifications preview, never names who went home.
    for (const line of got) expect(line?.split("\n")[0]).not.toMatch(/Mira/);
    expect(dms(7)).toHaveLength(0);

    // "Stop this reminder" in the DM turns it off for that server.
    const dm = dms(6).find((m) => m.content.startsWith("📮"));
    const stop = buttons(dm).find((b) => b.custom_id.startsWith("rmd:stop:"));
    if (!dm || !stop) throw new Error("no stop button on the DM");
    const click = await t.discord.click({ message: dm.id, customId: stop.custom_id, user: member(6) });
    await click.settled();
    expect((await answerOf(click))?.content).toMatch(/^🔕 Stopped: "Your pick went home"/);
    const panel = await optIn(6, []);
    expect(panel?.embeds[0]?.description).toContain("🔕 Your pick went home");
    expect(panel?.embeds[0]?.description).toContain("🔔 This week's results are in");
    t.discord.assertNoViolations();
  });
});
