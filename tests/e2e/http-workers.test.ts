/**
 * Real processes behind the local Discord's round robin, as deployed: GATEWAY=off workers (and gateway processes)
 * started the way `npm start` starts the bot, sharing one PostgreSQL. A worker killed with SIGKILL in the middle of a
 * vote storm loses no vote it sent a receipt for; a poll's deadline closes it exactly once across five processes.
 * PGlite opens in one process only, so there these run only the refusal check.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { polls, pollVotes } from "../../src/db/schema/index.js";
import { type InteractionRecord, LocalDiscord, type LocalGuild } from "../../tools/local-discord/index.js";
import { engine, freshDatabase, type TestDatabase } from "../support/database.js";

interface BotProcess {
  child: ChildProcess;
  /** The interactions endpoint, for HTTP workers. */
  url?: string;
  output(): string;
  stop(): Promise<void>;
}

const member = (i: number) => ({ id: String(940000000000000000n + BigInt(i)), username: `voter${i}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the bot as `npm start` does, with the given environment; resolves once it serves (or connected). */
async function startProcess(env: Record<string, string>, ready: "endpoint" | "gateway"): Promise<BotProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
  });
  const exited = once(child, "exit");
  const deadline = Date.now() + 90_000;
  let url: string | undefined;
  for (;;) {
    const serving = /"port":(\d+)[^\n]*"msg":"serving interactions over HTTP"/.exec(output);
    if (ready === "endpoint" && serving) {
      url = `http://127.0.0.1:${serving[1]}/interactions`;
      break;
    }
    if (ready === "gateway" && /"msg":"connected to Discord"/.test(output)) break;
    if (child.exitCode !== null) throw new Error(`the bot exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the bot did not start in time:\n${output}`);
    await sleep(50);
  }
  return {
    child,
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

test("GIVEN the embedded database WHEN a worker is started with GATEWAY=off THEN it refuses in one line that says to set DATABASE_URL", async () => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DISCORD_TOKEN: "x".repeat(60),
      GATEWAY: "off",
      INTERACTIONS_PORT: "0",
      DISCORD_PUBLIC_KEY: "ab".repeat(32),
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const [code] = (await once(child, "exit")) as [number];
  expect(code).toBe(1);
  expect(stderr.trim().split("\n")).toHaveLength(1);
  expect(stderr).toMatch(/^DATABASE_URL must be set when GATEWAY=off/);
});

describe.skipIf(engine === "pglite")(`workers as processes on one PostgreSQL (${engine})`, () => {
  let discord: LocalDiscord;
  let guild: LocalGuild;
  let database: TestDatabase;
  const running: BotProcess[] = [];

  const env = () => ({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DEV_GUILD_ID: guild.id,
    DATABASE_URL: database.url ?? "",
  });
  const worker = async () => {
    const started = await startProcess(
      { ...env(), GATEWAY: "off", INTERACTIONS_PORT: "0", DISCORD_PUBLIC_KEY: discord.publicKey },
      "endpoint",
    );
    running.push(started);
    return started;
  };
  const gatewayProcess = async () => {
    const started = await startProcess(env(), "gateway");
    running.push(started);
    return started;
  };

  async function createPoll(question: string, options: string, closes: string) {
    const before = discord.channelMessages(guild.defaultChannelId).length;
    const ix = await discord.slash({
      name: "poll",
      subcommand: "custom",
      options: { question, options, closes },
      user: guild.ownerId,
    });
    await ix.settled();
    const message = discord.channelMessages(guild.defaultChannelId)[before];
    if (!message) throw new Error(`no poll message: ${ix.finalMessage()?.content}`);
    return message;
  }

  beforeAll(async () => {
    discord = await LocalDiscord.start();
    guild = discord.addGuild({ name: "Workers" });
    database = await freshDatabase({ seeded: true });
    // Three at once: one registers the commands (advisory lock), the others find them registered.
    const workers = await Promise.all([worker(), worker(), worker()]);
    await discord.setInteractionsEndpoints(workers.map((w) => w.url ?? ""));
    await discord.waitForCommands(["poll", "leaderboard"], { guildId: guild.id, timeoutMs: 60_000 });
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop()));
    await discord?.stop();
    await database?.close();
  });

  test("GIVEN three workers starting together WHEN they register THEN the commands were written once, and every worker answers", async () => {
    expect(discord.commandPuts(guild.id)).toBe(1);
    for (let i = 0; i < 6; i++) {
      const ix = await discord.slash({ name: "season", options: { number: 30 + (i % 3) } });
      await ix.settled({ idleMs: 20 });
      expect(ix.finalMessage()?.embeds?.[0]?.title).toBe(`Season ${30 + (i % 3)}`);
    }
    for (const w of running) expect(discord.answeredByEndpoint.get(w.url ?? "")).toBe(2);
    discord.assertNoViolations();
  });

  test("GIVEN a vote storm over three workers WHEN one worker is killed with SIGKILL mid-storm THEN every vote with a receipt is stored, and nothing else", async () => {
    const poll = await createPoll("Storm?", "Yes | No | Maybe", "1h");
    const buttons = (poll.components?.[0] as { components: { custom_id: string }[] } | undefined)?.components ?? [];
    const voters = 240;
    const inFlight = 24;
    const records = new Map<number, InteractionRecord>();
    let next = 0;
    let receipts = 0;
    const victim = running[1] as BotProcess;
    let killedAt = -1;
    const storm = async () => {
      for (;;) {
        const i = next++;
        if (i >= voters) return;
        if (killedAt < 0 && receipts >= voters / 3) {
          killedAt = i;
          victim.child.kill("SIGKILL");
        }
        const button = buttons[i % buttons.length] as { custom_id: string };
        const ix = await discord.click({ message: poll.id, customId: button.custom_id, user: member(i) });
        records.set(i, ix);
        try {
          await ix.firstResponse();
          await ix.settled({ idleMs: 20 });
        } catch {
          // Sent to the worker as it died: the member saw "interaction failed" and may click again.
        }
        if (/^Your pick/.test(ix.finalMessage()?.content ?? "")) receipts++;
      }
    };
    await Promise.all(Array.from({ length: inFlight }, storm));
    expect(killedAt).toBeGreaterThan(0);
    if (victim.child.exitCode === null && victim.child.signalCode === null) await once(victim.child, "exit");

    const receipted = [...records.entries()]
      .filter(([, ix]) => /^Your pick/.test(ix.finalMessage()?.content ?? ""))
      .map(([i]) => member(i).id);
    const [stored] = await database.db.select({ id: polls.id }).from(polls).where(eq(polls.question, "Storm?"));
    const votes = await database.db
      .select({ userId: pollVotes.userId })
      .from(pollVotes)
      .where(inArray(pollVotes.pollId, [stored?.id ?? 0]));
    const counted = new Set(votes.map((v) => v.userId));
    const clicked = new Set([...records.keys()].map((i) => member(i).id));
    // Every acknowledged vote is counted...
    expect(receipted.filter((id) => !counted.has(id))).toEqual([]);
    // ...and nothing that was never cast.
    expect([...counted].filter((id) => !clicked.has(id))).toEqual([]);
    const failed = [...records.values()].filter((ix) => !ix.acknowledged).length;
    console.log(
      `vote storm: ${voters} clicks, SIGKILL after ${killedAt} sent; ${receipted.length} receipts, ${counted.size} votes stored, ${failed} unanswered`,
    );
    // Only what was in flight at the kill went unanswered; the two survivors took everything after.
    expect(receipted.length).toBeGreaterThanOrEqual(voters - inFlight);
    discord.assertNoViolations({ ignore: ["unanswered"] });
    discord.takeViolations();
  });

  test("GIVEN polls due together WHEN three workers and two gateway processes run their deadline jobs THEN each poll closes and posts its results exactly once", async () => {
    await Promise.all([gatewayProcess(), gatewayProcess()]);
    await discord.waitForBot({ sessions: 2, timeoutMs: 60_000 });
    const questions = ["Once A?", "Once B?", "Once C?"];
    for (const q of questions) await createPoll(q, "One | Two", "6s");
    const results = (q: string) =>
      discord.channelMessages(guild.defaultChannelId).filter((m) => m.embeds[0]?.title === `Results: ${q}`);
    const deadline = Date.now() + 60_000;
    while (!questions.every((q) => results(q).length > 0)) {
      if (Date.now() > deadline) throw new Error("the deadlines did not close the polls");
      await sleep(100);
    }
    // Several more job ticks in every process: still one each.
    await sleep(4_000);
    for (const q of questions) expect(results(q)).toHaveLength(1);
    const rows = await database.db.select().from(polls);
    const closed = rows.filter((p) => p.question.startsWith("Once"));
    expect(closed.map((p) => [p.closedBy, p.announcedAt !== null])).toEqual(questions.map(() => ["deadline", true]));
    discord.assertNoViolations();
  });
});
