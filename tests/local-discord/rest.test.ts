import { GatewayOpcodes, InteractionResponseType, MessageFlags } from "discord.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { LocalDiscord, type LocalDiscordOptions } from "../../tools/local-discord/index.js";

/** Talks to the local Discord the way any bot library would, without discord.js in between. */
async function setup(options: LocalDiscordOptions = {}) {
  const discord = await LocalDiscord.start(options);
  const guild = discord.addGuild({ name: "Ballroom" });
  const api = async (method: string, path: string, body?: unknown, auth = true) => {
    const response = await fetch(`${discord.apiUrl}/v10${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: `Bot ${discord.token}` } : {}),
        ...(body instanceof FormData ? {} : { "content-type": "application/json" }),
      },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
  };
  // A raw gateway session, so the harness has a bot to send interactions to.
  const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
  await new Promise((resolve) => socket.on("open", resolve));
  socket.send(JSON.stringify({ op: GatewayOpcodes.Identify, d: { token: discord.token, intents: 1, properties: {} } }));
  await discord.waitForBot();
  const stop = async () => {
    socket.close();
    await discord.stop();
  };
  return { discord, guild, api, stop };
}

type Setup = Awaited<ReturnType<typeof setup>>;

describe("local Discord REST", () => {
  let current: Setup | undefined;
  afterEach(async () => {
    await current?.stop();
    current = undefined;
  });
  const start = async (options?: LocalDiscordOptions) => {
    current = await setup(options);
    return current;
  };

  it("requires the bot token where Discord does, and 404s unknown routes", async () => {
    const { discord, api } = await start();
    expect((await api("GET", "/users/@me", undefined, false)).status).toBe(401);
    expect((await api("GET", "/users/@me")).json.id).toBe(discord.botUserId);
    const gateway = await api("GET", "/gateway/bot");
    expect(gateway.json).toMatchObject({
      url: discord.gatewayUrl,
      shards: 1,
      session_start_limit: { max_concurrency: 1 },
    });
    const unknown = await api("GET", "/guilds/1/roles");
    expect(unknown).toMatchObject({ status: 404, json: { message: "404: Not Found", code: 0 } });
    const violations = discord.takeViolations();
    expect(violations.map((v) => v.kind)).toEqual(["unauthorized", "unknown-route"]);
    // With Discord's spec at hand, the refusal also says the route exists on Discord but not here.
    if (discord.specChecks) expect(violations[1]?.message).toMatch(/Discord documents \/guilds\/\{guild_id\}\/roles/);
  });

  it("stores commands like Discord: ids kept across PUTs, upsert by name, checks names", async () => {
    const { discord, api, guild } = await start();
    const path = `/applications/${discord.applicationId}/guilds/${guild.id}/commands`;
    const first = await api("PUT", path, [{ name: "leaderboard", description: "Scores", type: 1 }]);
    const again = await api("PUT", path, [
      { name: "leaderboard", description: "Scores!", type: 1 },
      {
        name: "couple",
        description: "A couple",
        options: [{ type: 3, name: "name", description: "Name", required: false }],
      },
    ]);
    expect(again.json[0].id).toBe(first.json[0].id);
    expect(again.json[1].options[0]).not.toHaveProperty("required");
    expect(discord.commandPuts(guild.id)).toBe(2);
    const created = await api("POST", path, { name: "predict", description: "Predict" });
    expect(created.status).toBe(201);
    expect((await api("POST", path, { name: "predict", description: "Predict!" })).status).toBe(200);
    const patched = await api("PATCH", `${path}/${created.json.id}`, { description: "Make a prediction" });
    expect(patched.json.description).toBe("Make a prediction");
    expect((await api("DELETE", `${path}/${created.json.id}`)).status).toBe(204);
    expect(discord.commands(guild.id).map((c) => c.name)).toEqual(["leaderboard", "couple"]);
    const bad = await api("PUT", path, [
      { name: "Leaderboard", description: "x" },
      { name: "dup", description: "x" },
      { name: "dup", description: "y" },
    ]);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.errors)).toEqual(["0", "2"]);
    expect(discord.takeViolations().map((v) => v.kind)).toEqual(["invalid-body"]);
  });

  it("forgets a measured interaction and the reply it created, never a message it only updated", async () => {
    const { discord, api, guild } = await start();
    const channel = guild.defaultChannelId;
    await api("PUT", `/applications/${discord.applicationId}/guilds/${guild.id}/commands`, [
      { name: "ping", description: "Ping" },
    ]);
    const posted = await api("POST", `/channels/${channel}/messages`, {
      content: "poll",
      components: [{ type: 1, components: [{ type: 2, style: 1, label: "Vote", custom_id: "vote" }] }],
    });
    const reply = await discord.slash({ name: "ping" });
    await api(
      "POST",
      `/interactions/${reply.id}/${reply.token}/callback`,
      { type: 4, data: { content: "pong" } },
      false,
    );
    const click = await discord.click({ message: posted.json.id, customId: "vote" });
    await api(
      "POST",
      `/interactions/${click.id}/${click.token}/callback`,
      { type: 7, data: { content: "poll, 1 vote" } },
      false,
    );
    expect(discord.channelMessages(channel).map((m) => m.content)).toEqual(["poll, 1 vote", "pong"]);

    discord.forget(reply);
    discord.forget(click);
    expect(discord.channelMessages(channel).map((m) => m.content)).toEqual(["poll, 1 vote"]);
    expect(discord.interaction(reply.id)).toBeUndefined();
    expect(
      (
        await api(
          "PATCH",
          `/webhooks/${discord.applicationId}/${reply.token}/messages/@original`,
          { content: "x" },
          false,
        )
      ).status,
    ).toBe(404);
    expect(discord.takeViolations().map((v) => v.kind)).toEqual(["unknown-resource"]);
  });

  it("creates, lists and edits channel messages, multipart included, and refuses empty ones", async () => {
    const { discord, api, guild } = await start();
    const channel = guild.defaultChannelId;
    const form = new FormData();
    form.append(
      "payload_json",
      JSON.stringify({ content: "standings", attachments: [{ id: "0", description: "table" }] }),
    );
    form.append("files[0]", new Blob([Buffer.from("week,score\n1,27\n")], { type: "text/csv" }), "standings.csv");
    const created = await api("POST", `/channels/${channel}/messages`, form);
    expect(created.json).toMatchObject({
      content: "standings",
      channel_id: channel,
      author: { id: discord.botUserId },
    });
    expect(created.json.attachments[0]).toMatchObject({ filename: "standings.csv", description: "table", size: 16 });
    const edited = await api("PATCH", `/channels/${channel}/messages/${created.json.id}`, {
      content: "final standings",
    });
    expect(edited.json.attachments).toHaveLength(1);
    expect(edited.json.edited_timestamp).not.toBeNull();
    const cleared = await api("PATCH", `/channels/${channel}/messages/${created.json.id}`, { attachments: [] });
    expect(cleared.json.attachments).toEqual([]);
    expect((await api("GET", `/channels/${channel}/messages?limit=1`)).json.map((m: { id: string }) => m.id)).toEqual([
      created.json.id,
    ]);
    expect((await api("POST", `/channels/${channel}/messages`, { content: "" })).json.code).toBe(50006);
    expect((await api("POST", "/channels/1/messages", { content: "hi" })).json.code).toBe(10003);
    expect(discord.channelMessages(channel).map((m) => m.content)).toEqual(["final standings"]);
    expect(discord.takeViolations().map((v) => v.kind)).toEqual(["invalid-body", "unknown-resource"]);
  });

  it("rate-limits message edits per channel with Discord's 429 and records each hit", async () => {
    const { discord, api, guild } = await start({ editRateLimit: { limit: 2, windowMs: 1000 } });
    const channel = guild.defaultChannelId;
    const { json: message } = await api("POST", `/channels/${channel}/messages`, { content: "0" });
    const edit = (n: number) => api("PATCH", `/channels/${channel}/messages/${message.id}`, { content: String(n) });
    const first = await edit(1);
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
    await edit(2);
    const limited = await edit(3);
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({ message: "You are being rate limited.", global: false });
    expect(limited.json.retry_after).toBeGreaterThan(0);
    expect(limited.headers.get("retry-after")).toBe("1");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(discord.rateLimitHits).toHaveLength(1);
    expect(discord.rateLimitHits[0]).toMatchObject({
      key: channel,
      route: "/channels/{channel_id}/messages/{message_id}",
    });
    expect(discord.violations).toEqual([]);
  });

  it("answers a callback with the InteractionCallbackResponse when asked, and expires webhooks", async () => {
    const { discord, api, guild } = await start({ interactionTokenTtlMs: 1000 });
    await api("PUT", `/applications/${discord.applicationId}/guilds/${guild.id}/commands`, [
      { name: "ping", description: "Ping" },
    ]);
    const ix = await discord.slash({ name: "ping" });
    expect(ix.payload).toMatchObject({
      type: 2,
      version: 1,
      guild_id: guild.id,
      channel: { id: guild.defaultChannelId, type: 0 },
      member: { user: { id: discord.defaultUser.id } },
      entitlements: [],
      authorizing_integration_owners: { "0": guild.id },
      context: 0,
    });
    const callback = `/interactions/${ix.id}/${ix.token}/callback?with_response=true`;
    const body = {
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    };
    const answered = await api("POST", callback, body, false);
    expect(answered.json).toMatchObject({
      interaction: { id: ix.id, type: 2, response_message_loading: true, response_message_ephemeral: true },
      resource: { type: 5, message: { flags: MessageFlags.Ephemeral | MessageFlags.Loading } },
    });
    const original = `/webhooks/${discord.applicationId}/${ix.token}/messages/@original`;
    expect((await api("PATCH", original, { content: "done" }, false)).json.content).toBe("done");
    await new Promise((resolve) => setTimeout(resolve, ix.createdAt + 1050 - Date.now()));
    expect((await api("PATCH", original, { content: "later" }, false)).json.code).toBe(50027);
    expect(discord.takeViolations().map((v) => v.kind)).toEqual(["invalid-webhook-token"]);
  });

  it("runs without Discord's spec file, with one warning, still enforcing the limits", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { discord, api, guild } = await start({ specPath: "/nonexistent/openapi.json" });
    await LocalDiscord.start({ specPath: "/nonexistent/openapi.json" }).then((other) => other.stop());
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(discord.specChecks).toBe(false);
    const tooLong = await api("POST", `/channels/${guild.defaultChannelId}/messages`, {
      embeds: [{ title: "t".repeat(257) }],
    });
    expect(tooLong.json).toMatchObject({
      code: 50035,
      errors: { embeds: { "0": { title: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } } },
    });
  });
});
