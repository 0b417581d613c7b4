import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { LocalDiscord } from "../../tools/local-discord/index.js";
import { engine, freshDatabase, type TestDatabase } from "../support/database.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Runs `npm start`'s entry point as its own process, with only the environment given. */
function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", "src/index.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk) => {
    text += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    text += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => text, exited };
}

describe(`npm start (${engine})`, () => {
  test("GIVEN no token WHEN started THEN one line says what to set and it exits", async () => {
    const run = start({ DISCORD_TOKEN: "" });
    expect(await run.exited).toBe(1);
    expect(run.output().trim().split("\n")).toHaveLength(1);
    expect(run.output()).toMatch(/^DISCORD_TOKEN is not set: copy .env.example to .env/);
  });

  test("GIVEN a bad DATABASE_URL WHEN started THEN one line names the variable", async () => {
    const run = start({ DISCORD_TOKEN: "x".repeat(30), DATABASE_URL: "mysql://nope" });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toBe(
      "DATABASE_URL must start with postgres:// (leave it unset to use the embedded database): fix it in .env (see .env.example).",
    );
  });

  test("GIVEN a token and DISCORD_API_URL at a Discord-compatible server WHEN started THEN it logs in, registers and answers", {
    timeout: 90_000,
  }, async () => {
    const discord = await LocalDiscord.start();
    cleanups.push(() => discord.stop());
    const guild = discord.addGuild({ name: "Start-up test" });
    const env: Record<string, string> = {
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DEV_GUILD_ID: guild.id,
    };
    if (engine === "postgres") {
      const database: TestDatabase = await freshDatabase();
      cleanups.push(() => database.close());
      env.DATABASE_URL = database.url as string;
    } else {
      const dir = await mkdtemp(join(tmpdir(), "mirrorball-start-"));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      env.PGLITE_DIR = dir;
    }
    const run = start(env);
    cleanups.push(async () => run.child.kill("SIGKILL"));
    await discord.waitForBot({ timeoutMs: 60_000 });
    await discord.waitForCommands(["leaderboard", "couple"], { guildId: guild.id, timeoutMs: 30_000 });

    const ix = await discord.slash({ name: "leaderboard", options: { season: 32, week: 11 } });
    await ix.settled();
    expect(ix.finalMessage()?.embeds?.[0]?.description?.split("\n")).toContain(
      "🥇 **1.** Xochitl Gomez & Val Chmerkovskiy — **120** (week 10 60/60 + this week 60/60)",
    );
    discord.assertNoViolations();

    run.child.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });
});
