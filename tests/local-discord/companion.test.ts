import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { LocalDiscord } from "../../tools/local-discord/index.js";

/** DMs, scheduled events and member roles over plain HTTP, as any library would call them. */
async function setup() {
  const discord = await LocalDiscord.start();
  const guild = discord.addGuild({ name: "Ballroom" });
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${discord.apiUrl}/v10${path}`, {
      method,
      headers: { authorization: `Bot ${discord.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };
  return { discord, guild, api };
}

let current: Awaited<ReturnType<typeof setup>> | undefined;
afterEach(async () => {
  await current?.discord.stop();
  current = undefined;
});
const start = async () => {
  current = await setup();
  return current;
};

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const external = (overrides: Record<string, unknown> = {}) => ({
  name: "Dancing with the Stars — Week 1",
  privacy_level: 2,
  entity_type: 3,
  entity_metadata: { location: "ABC" },
  scheduled_start_time: hoursFromNow(24),
  scheduled_end_time: hoursFromNow(26),
  ...overrides,
});

describe("the local Discord's DMs", () => {
  it("opens a DM channel, delivers to open inboxes and answers 50007 for a closed one", async () => {
    const { discord, api } = await start();
    const open = discord.user({ username: "open" });
    const closed = discord.user({ username: "closed" });
    discord.dms.closeDms(closed.id);
    const channel = await api("POST", "/users/@me/channels", { recipient_id: open.id });
    expect(channel.json).toMatchObject({ type: 1, recipients: [{ id: open.id }] });
    expect((await api("POST", `/channels/${channel.json.id}/messages`, { content: "hi" })).status).toBe(200);
    expect(discord.dmMessages(open.id).map((m) => m.content)).toEqual(["hi"]);

    const refused = await api("POST", "/users/@me/channels", { recipient_id: closed.id });
    expect(refused.status).toBe(200);
    const sent = await api("POST", `/channels/${refused.json.id}/messages`, { content: "hi" });
    expect(sent).toEqual({ status: 403, json: { code: 50007, message: "Cannot send messages to this user" } });
    expect(discord.dmMessages(closed.id)).toEqual([]);
  });
});

describe("the local Discord's scheduled events", () => {
  it("refuses without Manage Events, then creates, edits, lists and deletes an external event", async () => {
    const { discord, guild, api } = await start();
    const path = `/guilds/${guild.id}/scheduled-events`;
    expect((await api("POST", path, external())).json.code).toBe(50013);
    discord.setBotRole(guild.id, { permissions: discord.botPermissions(guild.id) | PermissionFlagsBits.ManageEvents });
    const made = await api("POST", path, external());
    expect(made.json).toMatchObject({ entity_type: 3, status: 1, entity_metadata: { location: "ABC" } });
    const moved = await api("PATCH", `${path}/${made.json.id}`, {
      scheduled_start_time: hoursFromNow(25),
      scheduled_end_time: hoursFromNow(27),
    });
    expect(moved.json.scheduled_start_time).not.toBe(made.json.scheduled_start_time);
    expect((await api("GET", path)).json).toHaveLength(1);
    expect((await api("DELETE", `${path}/${made.json.id}`)).status).toBe(204);
    expect((await api("GET", `${path}/${made.json.id}`)).json.code).toBe(10070);
    expect(discord.scheduledEvents.log.map((e) => e.action)).toEqual(["create", "edit", "delete"]);
  });

  it("answers Discord's field errors: an external event needs a location and an end, a future start and an end after it", async () => {
    const { discord, guild, api } = await start();
    discord.setBotRole(guild.id, { permissions: PermissionFlagsBits.ManageEvents });
    const path = `/guilds/${guild.id}/scheduled-events`;
    const noEnd = await api("POST", path, external({ scheduled_end_time: undefined }));
    expect(noEnd.json.errors).toHaveProperty("scheduled_end_time");
    const past = await api("POST", path, external({ scheduled_start_time: hoursFromNow(-1) }));
    expect(past.json.errors.scheduled_start_time._errors[0].code).toBe("GUILD_SCHEDULED_EVENT_SCHEDULE_PAST");
    const backwards = await api("POST", path, external({ scheduled_end_time: hoursFromNow(1) }));
    expect(backwards.json.errors).toHaveProperty("scheduled_end_time");
    // The schema itself: a name over 100 characters never reaches the route.
    expect((await api("POST", path, external({ name: "x".repeat(101) }))).json.code).toBe(50035);
    expect(discord.scheduledEvents.list(guild.id)).toEqual([]);
  });
});

describe("the local Discord's member roles", () => {
  it("gives and takes a role below the bot's with Manage Roles, and refuses otherwise", async () => {
    const { discord, guild, api } = await start();
    const member = discord.addMember(guild.id, { user: { username: "fan" } });
    const role = discord.addRole(guild.id, { name: "Poll pings" });
    const path = `/guilds/${guild.id}/members/${member.id}/roles/${role.id}`;
    expect((await api("PUT", path)).json.code).toBe(50013); // no Manage Roles
    discord.setBotRole(guild.id, { permissions: PermissionFlagsBits.ManageRoles });
    expect((await api("PUT", path)).json.code).toBe(50013); // the role is above the bot's
    discord.setBotRole(guild.id, { position: 50 });
    expect((await api("PUT", path)).status).toBe(204);
    expect(discord.memberRoles(guild.id, member.id)).toEqual([role.id]);
    expect((await api("DELETE", path)).status).toBe(204);
    expect(discord.memberRoles(guild.id, member.id)).toEqual([]);
    expect((await api("PUT", `/guilds/${guild.id}/members/${member.id}/roles/1`)).json.code).toBe(10011);
  });
});
