import { PermissionFlagsBits } from "discord.js";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { predictionPoll } from "../../src/polls/prediction.js";
import { whereToWatch } from "../../src/reminders/calendar.js";
import { companionJobNames } from "../../src/reminders/jobs.js";
import type { LocalGuild } from "../../tools/local-discord/index.js";
import { startTestBot, type TestBot } from "../support/bot.js";
import { engine } from "../support/database.js";
import { answerOf } from "../support/replies.js";

const ownerId = "900000000000000021";
const owner = { id: ownerId, username: "owner" };
const fan = (i: number) => ({ id: String(940000000000000000n + BigInt(i)), username: `fan${i}` });
let t: TestBot;
let adminGuild: LocalGuild;
let basePermissions: bigint;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const [week1, week2] = [day(3), day(10)];

beforeAll(async () => {
  t = await startTestBot({ adminGuild: true, env: { BOT_OWNER_IDS: ownerId } });
  if (!t.adminGuild) throw new Error("no admin guild");
  adminGuild = t.adminGuild;
  basePermissions = t.discord.botPermissions(t.guild.id);
  // Season 36 is on the air, with two nights ahead.
  const form = await admin("season", { season: 36 });
  const saved = await t.discord.submitModal({
    customId: "adm:s:36",
    fields: { premiere: "2026-09-15", hosts: "Alfonso Ribeiro", judges: "Carrie Ann Inaba, Derek Hough", title: "" },
    user: owner,
    from: form,
  });
  await saved.settled();
  for (const [celebrity, pro] of [
    ["Nova Lane", "Val Chmerkovskiy"],
    ["Remy Stone", "Jenna Johnson"],
  ] as const) {
    await admin("couple", { season: 36, celebrity, pro });
  }
  await admin("night", { season: 36, week: 1, date: week1, theme: "Premiere Night" });
  await admin("night", { season: 36, week: 2, date: week2, theme: "Dedication Night" });
});
afterAll(async () => t?.stop());

async function admin(subcommand: string, options: Record<string, string | number>) {
  const ix = await t.discord.slash({ name: "admin", subcommand, options, user: owner, guildId: adminGuild.id });
  await ix.settled();
  return ix;
}

async function schedule(time: string) {
  const weekday = new Date(`${week1}T12:00:00Z`).getUTCDay();
  const ix = await t.discord.slash({
    name: "poll",
    subcommand: "schedule",
    options: { channel: t.guild.defaultChannelId, day: weekday, time, timezone: "America/New_York", "hours-before": 1 },
    user: t.guild.ownerId,
  });
  await ix.settled();
  return (await answerOf(ix))?.content ?? "";
}

const events = () =>
  t.discord.scheduledEvents
    .list(t.guild.id)
    .sort((a, b) => a.scheduled_start_time.localeCompare(b.scheduled_start_time));
const eventLog = (action: string) => t.discord.scheduledEvents.log.filter((e) => e.action === action);
/** An hour in New York on a date, as an ISO instant: UTC-5 or UTC-4 (daylight time), as that date has it. */
const newYork = (date: string, hour: number) =>
  DateTime.fromISO(`${date}T${String(hour).padStart(2, "0")}:00`, { zone: "America/New_York" })
    .toUTC()
    .toISO();

describe(`episodes on the server's calendar through the local Discord (${engine})`, () => {
  test("GIVEN Manage Events and a weekly schedule WHEN the calendar job runs (in two processes) THEN each upcoming episode is an external event once; a new air time moves them; unscheduling deletes them", async () => {
    t.discord.setBotRole(t.guild.id, { permissions: basePermissions | PermissionFlagsBits.ManageEvents });
    expect(await schedule("20:00")).toContain("Each upcoming episode I know of goes on the server's calendar");
    const second = await t.startAnotherBot();
    await Promise.all([t.bot, second].map((b) => b.jobs.runNow(companionJobNames.calendar)));

    expect(
      events().map((e) => [
        e.name,
        e.entity_type,
        e.entity_metadata?.location,
        e.scheduled_start_time,
        e.scheduled_end_time,
      ]),
    ).toEqual([
      ["Dancing with the Stars — Week 1: Premiere Night", 3, whereToWatch, newYork(week1, 20), newYork(week1, 22)],
      ["Dancing with the Stars — Week 2: Dedication Night", 3, whereToWatch, newYork(week2, 20), newYork(week2, 22)],
    ]);
    expect(eventLog("create")).toHaveLength(2);
    const ids = events().map((e) => e.id);

    // The show moves to 9 pm: the same events move, in one process only.
    await schedule("21:00");
    await Promise.all([t.bot, second].map((b) => b.jobs.runNow(companionJobNames.calendar)));
    expect(events().map((e) => [e.id, e.scheduled_start_time])).toEqual([
      [ids[0], newYork(week1, 21)],
      [ids[1], newYork(week2, 21)],
    ]);
    expect(eventLog("edit")).toHaveLength(2);

    // The owners rename week 2: its event follows.
    await admin("night", { season: 36, week: 2, date: week2, theme: "Disney Night" });
    await t.bot.jobs.runNow(companionJobNames.calendar);
    expect(events().map((e) => e.name)).toEqual([
      "Dancing with the Stars — Week 1: Premiere Night",
      "Dancing with the Stars — Week 2: Disney Night",
    ]);

    // Week 2 is cancelled (the owners take its date away): its event goes, week 1's stays.
    await admin("night", { season: 36, week: 2, theme: "Disney Night" });
    await Promise.all([t.bot, second].map((b) => b.jobs.runNow(companionJobNames.calendar)));
    expect(events().map((e) => e.id)).toEqual([ids[0]]);

    // The weekly schedule stops: the rest goes too.
    await t.discord.slash({ name: "poll", subcommand: "unschedule", user: t.guild.ownerId }).then((ix) => ix.settled());
    await Promise.all([t.bot, second].map((b) => b.jobs.runNow(companionJobNames.calendar)));
    expect(events()).toEqual([]);
    expect(
      eventLog("delete")
        .map((e) => e.eventId)
        .sort(),
    ).toEqual([...ids].sort());
    t.discord.assertNoViolations();
  });

  test("GIVEN no Manage Events WHEN a manager sets the schedule twice and the job runs twice THEN the permission is named once, privately, and the calendar is tried once", async () => {
    t.discord.setBotRole(t.guild.id, { permissions: basePermissions });
    const first = await schedule("20:00");
    expect(first).toContain("give my role the **Manage Events** permission");
    expect(await schedule("20:00")).not.toContain("Manage Events");
    const creates = eventLog("create").length;
    await t.bot.jobs.runNow(companionJobNames.calendar);
    await t.bot.jobs.runNow(companionJobNames.calendar);
    expect(events()).toEqual([]);
    expect(eventLog("create")).toHaveLength(creates);
    expect(t.discord.takeViolations().map((v) => `${v.method} ${v.route} ${v.code}`)).toEqual([
      "POST /guilds/{guild_id}/scheduled-events 50013",
    ]);
    await t.discord.slash({ name: "poll", subcommand: "unschedule", user: t.guild.ownerId }).then((ix) => ix.settled());
  });
});

describe(`the weekly poll's opt-in role (${engine})`, () => {
  test("GIVEN an opt-in role WHEN members take it with the button and the weekly poll is posted THEN the role alone is pinged, once across two processes, and the button drops it again", async () => {
    // A self-assignable role below the bot's own, as a server sets one up.
    const role = t.discord.addRole(t.guild.id, { name: "Poll pings", mentionable: true });
    t.discord.setBotRole(t.guild.id, { permissions: basePermissions | PermissionFlagsBits.ManageRoles, position: 10 });
    const set = await t.discord.slash({
      name: "remind",
      subcommand: "role",
      options: { role: role.id },
      user: t.guild.ownerId,
    });
    await set.settled();
    expect((await answerOf(set))?.content).toContain(`<@&${role.id}> will be pinged`);

    // A member takes the role from their /remind panel.
    const panelIx = await t.discord.slash({ name: "remind", subcommand: "me", user: fan(1) });
    await panelIx.settled();
    const panel = await answerOf(panelIx);
    const take = await t.discord.click({ message: panel?.id ?? "", customId: "rmd:role", user: fan(1) });
    await take.settled();
    expect(t.discord.memberRoles(t.guild.id, fan(1).id)).toEqual([role.id]);
    expect((await answerOf(take))?.embeds[0]?.description).toContain("You will be pinged");

    // The weekly job posts this week's poll (as the schedule does), then the role is pinged in the poll channel.
    const channel = t.guild.defaultChannelId;
    const poll = await t.bot.ctx.polls.publish({
      guildId: t.guild.id,
      channelId: channel,
      creatorId: t.guild.ownerId,
      closesAt: new Date(Date.now() + 3_600_000),
      scheduled: true,
      ...(await predictionPoll(t.database.db, { kind: "elimination", season: 36 })),
    });
    const before = t.discord.channelMessages(channel).length;
    const second = await t.startAnotherBot();
    await Promise.all([t.bot, second].map((b) => b.jobs.runNow(companionJobNames.rolePings)));
    const pings = t.discord.channelMessages(channel).slice(before);
    expect(pings).toHaveLength(1);
    const [ping] = pings;
    expect(ping?.content).toMatch(new RegExp(`^<@&${role.id}> The weekly poll is up: who goes home in week 1\\?`));
    expect(ping?.content).toContain(`/${poll.messageId}`);
    expect(ping?.mention_roles).toEqual([role.id]);
    expect(ping?.mentions).toEqual([]);
    expect(ping?.mention_everyone).toBe(false);
    // The poll message itself pings nobody.
    expect(t.discord.message(poll.messageId ?? "")?.mention_roles).toEqual([]);

    // The button under the ping drops the role for whoever presses it, privately.
    const drop = await t.discord.click({ message: ping?.id ?? "", customId: "rmd:role", user: fan(1) });
    await drop.settled();
    expect((await answerOf(drop))?.content).toBe("You will no longer be pinged for the weekly poll.");
    expect(t.discord.memberRoles(t.guild.id, fan(1).id)).toEqual([]);
    t.discord.assertNoViolations();
  });
});
