import { Client, DiscordAPIError, GatewayIntentBits, GatewayOpcodes, SlashCommandBuilder } from "discord.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { shardOf } from "../../tools/local-discord/gateway.js";
import { LocalDiscord, type LocalGuild } from "../../tools/local-discord/index.js";

const ping = new SlashCommandBuilder().setName("ping").setDescription("Replies pong").toJSON();

/** A tiny bot: answers /ping with its own name, and notes any API error (a lost race answers 40060). */
async function startBot(
  discord: LocalDiscord,
  guild: LocalGuild,
  name: string,
  errors: number[] = [],
): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.apiUrl } });
  client.on("interactionCreate", async (interaction) => {
    if (!interaction.isChatInputCommand()) return;
    await interaction.reply(`pong from ${name}`).catch((error: unknown) => {
      if (error instanceof DiscordAPIError && typeof error.code === "number") errors.push(error.code);
    });
  });
  const ready = new Promise<void>((resolve) => client.once("clientReady", () => resolve()));
  await client.login(discord.token);
  await ready;
  await client.application?.commands.set([ping], guild.id);
  return client;
}

/** A raw gateway connection, to check the protocol itself; yields every payload received. */
function connect(discord: LocalDiscord) {
  const socket = new WebSocket(`${discord.gatewayUrl}?v=10&encoding=json`);
  const received: { op: number; t?: string | null; s?: number | null; d: unknown }[] = [];
  socket.on("message", (data) => received.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  const opened = new Promise<void>((resolve) => socket.on("open", () => resolve()));
  const waitFor = async (predicate: () => boolean) => {
    for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
    if (!predicate()) throw new Error("timed out waiting for the gateway");
  };
  const send = async (payload: unknown) => {
    await opened;
    socket.send(JSON.stringify(payload));
  };
  return { socket, received, closed, send, waitFor };
}

describe("local Discord gateway", () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function setup(options: Parameters<typeof LocalDiscord.start>[0] = {}) {
    const discord = await LocalDiscord.start(options);
    cleanup.push(() => discord.stop());
    const guild = discord.addGuild({ name: "Ballroom" });
    return { discord, guild };
  }

  it("resumes after a disconnect and replays what was missed", async () => {
    const { discord, guild } = await setup();
    const client = await startBot(discord, guild, "bot");
    cleanup.push(() => client.destroy());
    const [before] = discord.sessions;
    const resumed = new Promise<void>((resolve) => client.once("shardResume", () => resolve()));
    discord.disconnectAll();
    // Sent while the bot is away: it must arrive through RESUME's replay, not a new session.
    const ix = await discord.slash({ name: "ping" });
    await resumed;
    await ix.settled();
    expect(ix.finalMessage()?.content).toBe("pong from bot");
    expect(discord.sessions).toHaveLength(1);
    expect(discord.sessions[0]?.id).toBe(before?.id);
    expect(discord.sessions[0]?.resumes).toBe(1);
    discord.assertNoViolations();
  });

  it("acknowledges heartbeats", async () => {
    const { discord, guild } = await setup({ heartbeatIntervalMs: 50 });
    const client = await startBot(discord, guild, "bot");
    cleanup.push(() => client.destroy());
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(discord.sessions[0]?.heartbeats).toBeGreaterThanOrEqual(2);
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it("numbers dispatches, answers heartbeats and refuses a bad token with 4004", async () => {
    const { discord } = await setup();
    const good = connect(discord);
    cleanup.push(async () => good.socket.close());
    await good.send({ op: GatewayOpcodes.Identify, d: { token: discord.token, intents: 1, properties: {} } });
    await good.waitFor(() => good.received.some((p) => p.t === "GUILD_CREATE"));
    expect(good.received.map((p) => [p.op, p.t ?? null, p.s ?? null])).toEqual([
      [GatewayOpcodes.Hello, null, null],
      [GatewayOpcodes.Dispatch, "READY", 1],
      [GatewayOpcodes.Dispatch, "GUILD_CREATE", 2],
    ]);
    await good.send({ op: GatewayOpcodes.Heartbeat, d: 2 });
    await good.waitFor(() => good.received.some((p) => p.op === GatewayOpcodes.HeartbeatAck));

    const bad = connect(discord);
    await bad.send({ op: GatewayOpcodes.Identify, d: { token: "nope", intents: 1, properties: {} } });
    expect(await bad.closed).toBe(4004);

    const privileged = connect(discord);
    await privileged.send({
      op: GatewayOpcodes.Identify,
      d: { token: discord.token, intents: GatewayIntentBits.MessageContent },
    });
    expect(await privileged.closed).toBe(4014);

    const stale = connect(discord);
    cleanup.push(async () => stale.socket.close());
    await stale.send({ op: GatewayOpcodes.Resume, d: { token: discord.token, session_id: "gone", seq: 3 } });
    await stale.waitFor(() => stale.received.some((p) => p.op === GatewayOpcodes.InvalidSession));
  });

  it("lets two bot processes race: the first callback wins, the second gets 40060", async () => {
    const { discord, guild } = await setup();
    const errors: number[] = [];
    const one = await startBot(discord, guild, "one", errors);
    cleanup.push(() => one.destroy());
    const two = await startBot(discord, guild, "two", errors);
    cleanup.push(() => two.destroy());
    await discord.waitForBot({ sessions: 2 });
    const ix = await discord.slash({ name: "ping", target: "all" });
    await vi.waitFor(() => expect(errors).toEqual([40060]), { timeout: 5000 });
    expect(
      ix.responses
        .filter((r) => r.kind === "callback")
        .map((r) => r.status)
        .sort(),
    ).toEqual([204, 400]);
    expect(ix.finalMessage()?.content).toMatch(/^pong from (one|two)$/);
    discord.assertNoViolations({ ignore: ["already-acknowledged"] });
    expect(() => discord.assertNoViolations()).toThrow(/already-acknowledged/);
  });

  it("shards: GET /gateway/bot recommends a count, each guild goes to shard (id >> 22) % count only", async () => {
    const { discord, guild } = await setup();
    const others = [discord.addGuild({ name: "Two" }), discord.addGuild({ name: "Three" })];
    const all = [guild, ...others];
    const info = (await (
      await fetch(`${discord.apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${discord.token}` } })
    ).json()) as { shards: number };
    expect(info.shards).toBe(1);

    const client = await startBot(discord, guild, "bot");
    cleanup.push(() => client.destroy());
    for (const g of others) await client.application?.commands.set([ping], g.id);

    const shards = [connect(discord), connect(discord)];
    for (const [id, socket] of shards.entries()) {
      cleanup.push(async () => socket.socket.close());
      await socket.send({ op: GatewayOpcodes.Identify, d: { token: discord.token, intents: 1, shard: [id, 2] } });
    }
    const expected = (id: number) => all.filter((g) => shardOf(g.id, 2) === id).map((g) => g.id);
    for (const [id, socket] of shards.entries()) {
      await socket.waitFor(() => socket.received.some((p) => p.t === "READY"));
      const ready = socket.received.find((p) => p.t === "READY")?.d as { shard: number[]; guilds: { id: string }[] };
      expect(ready.shard).toEqual([id, 2]);
      expect(ready.guilds.map((g) => g.id).sort()).toEqual(expected(id).sort());
      await socket.waitFor(() => socket.received.filter((p) => p.t === "GUILD_CREATE").length === expected(id).length);
    }
    expect(discord.sessions.map((s) => s.shard)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    // Each raw shard session receives exactly the interactions of its own guilds.
    for (const g of all) await discord.slash({ name: "ping", guildId: g.id, target: "all" });
    const seen = (socket: (typeof shards)[number]) =>
      socket.received.filter((p) => p.t === "INTERACTION_CREATE").map((p) => (p.d as { guild_id: string }).guild_id);
    for (const [id, socket] of shards.entries()) {
      await socket.waitFor(() => seen(socket).length >= expected(id).length);
      expect(seen(socket).sort()).toEqual(expected(id).sort());
    }
  });

  it("refuses a connection that would hold more guilds than allowed with 4011, and a bad shard with 4010", async () => {
    const { discord } = await setup({ maxGuildsPerShard: 2 });
    discord.addGuild({ name: "Two" });
    discord.addGuild({ name: "Three" });
    const unsharded = connect(discord);
    await unsharded.send({ op: GatewayOpcodes.Identify, d: { token: discord.token, intents: 1 } });
    expect(await unsharded.closed).toBe(4011);
    const bad = connect(discord);
    await bad.send({ op: GatewayOpcodes.Identify, d: { token: discord.token, intents: 1, shard: [2, 2] } });
    expect(await bad.closed).toBe(4010);
    // Three guilds over three shards: at most one each, so every shard is accepted.
    for (const id of [0, 1, 2]) {
      const shard = connect(discord);
      cleanup.push(async () => shard.socket.close());
      await shard.send({ op: GatewayOpcodes.Identify, d: { token: discord.token, intents: 1, shard: [id, 3] } });
      await shard.waitFor(() => shard.received.some((p) => p.t === "READY"));
    }
  });
});
