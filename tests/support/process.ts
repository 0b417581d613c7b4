/** The bot as its own process (compiled, as `npm start` runs it), for tests that kill it or cut its database. */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";
import { projectPath } from "../../src/paths.js";
import type { LocalDiscord } from "../../tools/local-discord/index.js";
import { testDatabaseUrl } from "./database.js";

/** Compiles src/ to dist/ (skipped when it is up to date). */
export function buildOnce(): void {
  execFileSync(process.execPath, [projectPath("tools", "build", "build.mjs"), "--quiet"], { stdio: "inherit" });
}

/** A seeded database the bot process can open by itself: a PGlite folder on disk, or a PostgreSQL database. */
export interface ProcessDatabase {
  env: Record<string, string>;
  /** Opens it from the test (for PGlite only while no bot process holds it). */
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

export async function seededProcessDatabase(): Promise<ProcessDatabase> {
  if (!testDatabaseUrl) {
    const dir = projectPath(".data", `test-process-${randomUUID().slice(0, 8)}`);
    mkdirSync(dir, { recursive: true });
    const dumpFile = inject("seededPgliteDump");
    if (!dumpFile) throw new Error("no seeded PGlite dump (tests/support/globalSetup.ts)");
    const seeded = await openDatabase({ pgliteDir: dir, pgliteDump: new Blob([readFileSync(dumpFile)]) });
    await seeded.migrate();
    await seeded.close();
    return {
      env: { PGLITE_DIR: dir },
      open: () => openDatabase({ pgliteDir: dir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `mirrorball_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const template = inject("seededPostgresTemplate");
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
  await admin.end();
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString() }),
    async drop() {
      const cleanup = postgres(testDatabaseUrl as string, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

export interface BotChild {
  child: ChildProcess;
  /** This process's gateway sessions. */
  sessions: string[];
  exited: Promise<number | null>;
  output(): string;
}

/** Starts `node dist/src/index.js` against the local Discord; resolves once it is connected. */
export async function spawnBot(discord: LocalDiscord, env: Record<string, string>): Promise<BotChild> {
  const before = new Set(discord.sessions.map((s) => s.id));
  let output = "";
  const child = spawn(process.execPath, [projectPath("dist", "src", "index.js")], {
    env: {
      PATH: process.env.PATH ?? "",
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      LOG_LEVEL: "warn",
      SHARD_COUNT: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    const mine = discord.sessions.filter((s) => !before.has(s.id) && s.connected).map((s) => s.id);
    if (mine.length > 0) return { child, sessions: mine, exited, output: () => output };
    if (gone) throw new Error(`the bot exited before connecting:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the bot did not connect within 120 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** SIGTERM and wait (SIGKILL after 20 s). */
export async function stopBot(bot: BotChild | undefined): Promise<void> {
  if (!bot || bot.child.exitCode !== null || bot.child.signalCode !== null) return;
  bot.child.kill("SIGTERM");
  const timer = setTimeout(() => bot.child.kill("SIGKILL"), 20_000);
  await bot.exited;
  clearTimeout(timer);
}

export const tempDir = (name: string) => join(projectPath(".data"), name);
