import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { LocalDiscord } from "../../tools/local-discord/index.js";

// `npm start`'s launcher as its own process, with only the environment given.
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "tools/start.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cleanups.push(async () => child.kill("SIGKILL"));
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

/** Resolves with the playground's address once it is printed (the launcher's last start-up line). */
async function address(run: ReturnType<typeof start>, timeoutMs = 150_000): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const match = /(http:\/\/127\.0\.0\.1:\d+\/)\n$/.exec(run.output());
    if (match) return match[1] as string;
    if (run.child.exitCode !== null || performance.now() > deadline) {
      throw new Error(`no address printed; output:\n${run.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A GET with another Host header, as a page on a name made to resolve to 127.0.0.1 would send (fetch cannot). */
function statusWithHost(url: URL, host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on("error", reject);
    req.end();
  });
}

async function stopped(run: ReturnType<typeof start>): Promise<number | null> {
  run.child.kill("SIGTERM");
  return run.exited;
}

describe("npm start's launcher", () => {
  test("GIVEN no token and a fresh database WHEN started twice THEN each prints the playground's address last and serves the page", {
    timeout: 400_000,
  }, async () => {
    const dir = await mkdtemp(join(tmpdir(), "mirrorball-playground-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    // Its port is taken: the playground takes the next free one.
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", () => resolve()));
    cleanups.push(() => new Promise((resolve) => blocker.close(resolve)));
    const taken = (blocker.address() as { port: number }).port;
    const env = { DISCORD_TOKEN: "", PGLITE_DIR: dir, PLAYGROUND_PORT: String(taken), LOG_LEVEL: "warn" };

    for (const run of ["first (loads every season)", "second"]) {
      const started = start(env);
      const url = await address(started);
      expect(new URL(url).hostname).toBe("127.0.0.1");
      expect(Number(new URL(url).port)).toBeGreaterThan(taken);
      const page = await fetch(url);
      expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(await page.text()).toContain("<title>Mirrorball playground</title>");
      const world = (await (await fetch(new URL("/api/world", url))).json()) as { members: unknown[] };
      expect(world.members).toHaveLength(4);
      // Only this machine's own pages may use it.
      expect(await statusWithHost(new URL("/api/world", url), "evil.example:80")).toBe(421);
      const lines = started.output().trim().split("\n");
      expect(lines.at(-1)).toBe(url);
      expect(lines.at(-2)).toMatch(/^Ready in \d+\.\d s\. Ctrl\+C stops it\. Open the playground:$/);
      process.stdout.write(`playground start-up, ${run}: ${lines.at(-2)}\n`);
      expect(await stopped(started)).toBe(0);
    }
  });

  test("GIVEN a token WHEN started THEN it connects to Discord as src/index.ts does, no playground", {
    timeout: 180_000,
  }, async () => {
    const discord = await LocalDiscord.start();
    cleanups.push(() => discord.stop());
    const guild = discord.addGuild({ name: "Launcher test" });
    const dir = await mkdtemp(join(tmpdir(), "mirrorball-launcher-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const run = start({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DEV_GUILD_ID: guild.id,
      PGLITE_DIR: dir,
      LOG_LEVEL: "warn",
    });
    await discord.waitForBot({ timeoutMs: 60_000 });
    await discord.waitForCommands(["leaderboard"], { guildId: guild.id, timeoutMs: 30_000 });
    const ix = await discord.slash({ name: "leaderboard", options: { season: 32, week: 11 } });
    await ix.settled();
    expect(ix.finalMessage()?.embeds?.[0]?.title).toContain("Season 32 · Week 11");
    expect(run.output()).not.toContain("playground");
    expect(await stopped(run)).toBe(0);
  });

  test("GIVEN a bad PLAYGROUND_PORT WHEN started THEN one line names the variable", async () => {
    const run = start({ DISCORD_TOKEN: "", PLAYGROUND_PORT: "http" });
    expect(await run.exited).toBe(1);
    expect(run.output().trim()).toMatch(/^PLAYGROUND_PORT .*: fix it in \.env \(see \.env\.example\)\.$/);
  });
});
