import { createServer, type Server, type Socket, connect as tcpConnect } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type InteractionRecord, LocalDiscord, type LocalGuild } from "../../tools/local-discord/index.js";
import { engine } from "../support/database.js";
import {
  type BotChild,
  buildOnce,
  type ProcessDatabase,
  seededProcessDatabase,
  spawnBot,
  stopBot,
} from "../support/process.js";

/**
 * A TCP proxy between the bot and PostgreSQL that the test can cut: every open connection is dropped and new ones are
 * refused (as while the server restarts), until it is restored on the same port.
 */
class CuttableProxy {
  private readonly sockets = new Set<Socket>();
  private server: Server | undefined;
  private frozen = false;
  port = 0;

  constructor(
    private readonly host: string,
    private readonly upstreamPort: number,
  ) {}

  private listen(port: number): Promise<void> {
    this.server = createServer((client) => {
      const upstream = tcpConnect(this.upstreamPort, this.host);
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.sockets.add(a);
        a.pipe(b);
        a.on("error", () => b.destroy());
        a.on("close", () => {
          this.sockets.delete(a);
          b.destroy();
        });
      }
    });
    return new Promise<void>((resolve) => this.server?.listen(port, "127.0.0.1", resolve));
  }

  async start(): Promise<void> {
    await this.listen(0);
    this.port = (this.server?.address() as { port: number } | null)?.port ?? 0;
  }

  /** The database stops answering with its connections open (a partition, a frozen server): no bytes either way. */
  freeze(): void {
    for (const socket of this.sockets) socket.pause();
    this.server?.close();
    this.frozen = true;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  restore(): Promise<void> {
    return this.listen(this.port);
  }

  async stop(): Promise<void> {
    if (this.frozen) {
      for (const socket of this.sockets) socket.destroy();
      return;
    }
    await this.cut();
  }
}

let discord: LocalDiscord;
let guild: LocalGuild;
let database: ProcessDatabase;
let proxy: CuttableProxy;
let bot: BotChild | undefined;

describe.skipIf(engine !== "postgres")("PostgreSQL cut for 10 s under traffic", () => {
  beforeAll(async () => {
    buildOnce();
    discord = await LocalDiscord.start();
    guild = discord.addGuild({ name: "Blackout Ballroom" });
    database = await seededProcessDatabase();
    const url = new URL(database.env.DATABASE_URL as string);
    proxy = new CuttableProxy(url.hostname, Number(url.port || 5432));
    await proxy.start();
    url.hostname = "127.0.0.1";
    url.port = String(proxy.port);
    bot = await spawnBot(discord, { DATABASE_URL: url.toString(), DEV_GUILD_ID: guild.id });
    await discord.waitForCommands(["poll", "leaderboard"], { guildId: guild.id, timeoutMs: 60_000 });
  });

  afterAll(async () => {
    await stopBot(bot);
    await proxy?.stop();
    await discord?.stop();
    await database?.drop();
  });

  test("GIVEN members looking up and voting WHEN the database is unreachable for 10 s THEN each is answered within 3 s with a sentence, and service comes back", async () => {
    const target = bot?.sessions ?? [];
    const create = await discord.slash({
      name: "poll",
      subcommand: "custom",
      options: { question: "Who dances best?", options: "Tango | Waltz | Jive", closes: "2h" },
      user: guild.ownerId,
      target,
    });
    await create.settled({ timeoutMs: 30_000 });
    const message = discord.channelMessages(guild.defaultChannelId).at(-1);
    const buttons = (message?.components?.[0] as { components?: { custom_id: string }[] } | undefined)?.components;
    if (!message || !buttons?.length) throw new Error("no poll message");

    let n = 0;
    const interact = (): Promise<InteractionRecord> => {
      const i = n++;
      const user = { id: String(620000000000000000n + BigInt(i)), username: `fan${i}` };
      switch (i % 4) {
        case 0:
          return discord.click({
            message: message.id,
            customId: buttons[i % buttons.length]?.custom_id ?? "",
            user,
            target,
          });
        case 1:
          return discord.slash({ name: "leaderboard", options: { season: 32, week: 1 + (i % 11) }, user, target });
        case 2:
          return discord.slash({ name: "predictions", subcommand: "me", user, target });
        default:
          return discord.slash({ name: "couple", options: { name: "Xochitl Gomez" }, user, target });
      }
    };
    const during: InteractionRecord[] = [];
    const traffic = async (until: () => boolean, into: InteractionRecord[]) => {
      const workers = Array.from({ length: 6 }, async () => {
        while (!until()) {
          const record = await interact();
          into.push(record);
          await record.answered().catch(() => {});
        }
      });
      await Promise.all(workers);
    };

    // Warm: everything answers normally.
    const before: InteractionRecord[] = [];
    let warmed = false;
    const warm = traffic(() => warmed, before);
    await new Promise((r) => setTimeout(r, 1500));
    warmed = true;
    await warm;

    // The cut: 10 s of traffic with the database unreachable.
    await proxy.cut();
    const cutUntil = Date.now() + 10_000;
    await traffic(() => Date.now() > cutUntil, during);
    await proxy.restore();

    // Every interaction got its first response inside Discord's 3 s, and a message the member can read.
    expect(during.length).toBeGreaterThan(8);
    for (const record of [...before, ...during]) {
      const first = await record.firstResponse();
      expect(first.latencyMs, record.label).toBeLessThan(3000);
      await record.answered();
      await record.settled({ timeoutMs: 30_000 });
      // The answer, or the private follow-up that replaced a deferral.
      const shown = record.followUps.at(-1) ?? record.finalMessage();
      const text = `${shown?.content ?? ""}${JSON.stringify(shown?.embeds ?? [])}`.replace(/^\[\]$/, "");
      expect(text.length, `${record.label} showed nothing: ${JSON.stringify(record.responses)}`).toBeGreaterThan(0);
    }
    const failed = during
      .map((r) => (r.followUps.at(-1) ?? r.finalMessage())?.content ?? "")
      .filter((c) => c.includes("database"));
    expect(failed.length, "some interactions needed the database while it was away").toBeGreaterThan(0);
    for (const content of failed) expect(content).toMatch(/^I cannot reach my database right now/);
    discord.assertNoViolations();

    // Back: a new vote is stored and receipted (the pool reconnects by itself).
    const deadline = Date.now() + 60_000;
    for (let i = 0; ; i++) {
      const user = { id: String(630000000000000000n + BigInt(i)), username: `back${i}` };
      const vote = await discord.click({ message: message.id, customId: buttons[0]?.custom_id ?? "", user, target });
      await vote.answered();
      await vote.settled({ timeoutMs: 30_000 });
      if (/^Your pick: /.test(vote.finalMessage()?.content ?? "")) break;
      if (Date.now() > deadline) throw new Error(`service did not come back: ${vote.finalMessage()?.content}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(bot?.child.exitCode).toBeNull();
  }, 240_000);

  test("GIVEN the database silent (connections open, no bytes) and a lookup waiting on it WHEN SIGTERM arrives THEN the process exits within 10 s, naming what it gave up if it had to", async () => {
    const child = bot;
    if (!child) throw new Error("no bot");
    const target = child.sessions;
    proxy.freeze();
    // Work that needs the database, started before the stop: it cannot finish.
    const waiting = await discord.slash({
      name: "predictions",
      subcommand: "me",
      user: { id: "640000000000000001", username: "late" },
      target,
    });
    await waiting.firstResponse();
    const asked = Date.now();
    child.child.kill("SIGTERM");
    const code = await child.exited;
    const tookMs = Date.now() - asked;
    expect(tookMs).toBeLessThan(10_000);
    expect(code).not.toBeNull();
    // Either everything finished in time (exit 0), or the process gave up at its deadline and said on what (exit 1).
    if (code !== 0) {
      expect(code).toBe(1);
      expect(child.output()).toMatch(
        /could not stop within 8 s; gave up (answering the interactions in flight|closing the database)/,
      );
    }
    bot = undefined;
  }, 60_000);
});
