/**
 * Workers over HTTP: vote and lookup throughput of Mirrorball through 1, 2 and 4 GATEWAY=off workers behind the local
 * Discord's round robin (signed POSTs, the HTTP response as the callback), next to the same store-nothing discord.js
 * reference (bench/reference/bot.mjs, over the gateway) measured in the same run, and one Mirrorball process over the
 * gateway for the cost of the HTTP path itself. PostgreSQL only: HTTP-only workers share one database server.
 *
 * `npm run bench` runs it as its "workers" section; alone: `npm run bench:workers [-- --quick] [--no-write]`, which
 * replaces the "Workers over HTTP" section of BENCHMARKS.md. Workers run compiled (dist/), as `npm start` runs them.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import postgres from "postgres";
import { projectPath } from "../src/paths.js";
import { type InteractionRecord, LocalDiscord } from "../tools/local-discord/index.js";
import { drive, type LoadResult } from "./lib/load.js";
import { benchDir, launchMirrorball, launchReference, rssOf, startFlags } from "./lib/processes.js";

export interface WorkersOptions {
  quick: boolean;
  pgUrl: string;
  log: (line: string) => void;
}

interface Worker {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const workerCounts = [1, 2, 4];
const weeks = [4, 5, 6, 7, 8, 9, 10, 11];
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

function fmt(r: LoadResult): string {
  const lost = r.unanswered ? `, **${r.unanswered} unanswered**` : "";
  return `${Math.round(r.perSecond)}/s, first p50 ${r.firstP50.toFixed(0)} / p99 ${r.firstP99.toFixed(0)} ms${lost}`;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** One HTTP-only worker, compiled, as `npm start` would run it with GATEWAY=off; resolves when /healthz says ok. */
async function startWorker(discord: LocalDiscord, databaseUrl: string, n: number): Promise<Worker> {
  const port = await freePort();
  mkdirSync(join(benchDir, "logs"), { recursive: true });
  const out = createWriteStream(join(benchDir, "logs", `worker-${n}.log`), { flags: "a" });
  const child = spawn(process.execPath, [...startFlags(), projectPath("dist", "src", "index.js")], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      DATABASE_URL: databaseUrl,
      GATEWAY: "off",
      INTERACTIONS_PORT: String(port),
      DISCORD_PUBLIC_KEY: discord.publicKey,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`worker ${n} exited; see .bench/logs/worker-${n}.log`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`worker ${n} did not start in time`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}/interactions`,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Runs the section; returns its markdown (heading included). */
export async function benchWorkers(options: WorkersOptions): Promise<string> {
  const { log } = options;
  const lookupRequests = options.quick ? 150 : 400;
  const voteMembers = options.quick ? 1000 : 3000;
  const repeats = options.quick ? 1 : 3;
  const name = `mirrorball_workers_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = postgres(options.pgUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(options.pgUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const discord = await LocalDiscord.start();
  const guild = discord.addGuild({ name: "Bench Ballroom" });
  const rows: string[] = [];
  const notes: string[] = [];
  const processes: { stop(): Promise<void> }[] = [];
  let member = 0;
  const median = (runs: LoadResult[]) =>
    [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)] as LoadResult;
  try {
    // The gateway process first: it migrates and loads every season, so the workers start on a ready database.
    log("workers: Mirrorball over the gateway (loads the database)");
    const gateway = await launchMirrorball({
      discord,
      shards: 1,
      expectSessions: 1,
      env: { DATABASE_URL: databaseUrl },
      log: "workers-gateway.log",
    });
    processes.push(gateway);
    await discord.waitForCommands(["leaderboard", "poll"], { guildId: undefined, timeoutMs: 180_000 });
    const reference = await launchReference({
      discord,
      shards: 1,
      expectSessions: 1,
      log: "workers-reference.log",
    });
    processes.push(reference);
    log("workers: starting 4 HTTP workers");
    const workers: Worker[] = [];
    for (let n = 1; n <= Math.max(...workerCounts); n++) workers.push(await startWorker(discord, databaseUrl, n));
    processes.push(...workers);

    const owner = guild.ownerId;
    const create = await discord.slash({
      name: "poll",
      subcommand: "mirrorball",
      options: { season: 32, closes: "2h" },
      user: owner,
      target: gateway.sessions,
    });
    await create.settled();
    const poll = discord.channelMessages(guild.defaultChannelId).at(-1);
    const buttons = (poll?.components?.[0] as { components?: { custom_id: string }[] } | undefined)?.components ?? [];
    if (!poll || buttons.length === 0) throw new Error("the poll message was not posted");

    const lookup = (target: string[] | undefined) => (i: number) =>
      discord.slash({ name: "leaderboard", options: { season: 32, week: pick(weeks, i) }, target });
    const vote = (target: string[] | undefined) => (i: number) =>
      discord.click({
        message: poll.id,
        customId: pick(buttons, i).custom_id,
        user: { id: String(710000000000000000n + BigInt(member++)), username: `member${i}` },
        target,
      });
    const paths: { path: string; requests: number; inFlight: number; send: typeof lookup }[] = [
      { path: `/leaderboard (8 weeks), 50 in flight`, requests: lookupRequests, inFlight: 50, send: lookup },
      { path: `vote clicks (${voteMembers} members), 200 in flight`, requests: voteMembers, inFlight: 200, send: vote },
    ];
    for (const p of paths) {
      const refusedBy = new Map<string, Map<string, number>>();
      const run = async (key: string, send: (i: number) => Promise<InteractionRecord>) => {
        const result = await drive(p.requests, p.inFlight, send, discord.forget);
        // What the local Discord refused during this run, by kind (late callbacks after an unanswered one, …).
        const kinds = refusedBy.get(key) ?? new Map<string, number>();
        for (const v of discord.takeViolations()) kinds.set(v.kind, (kinds.get(v.kind) ?? 0) + 1);
        refusedBy.set(key, kinds);
        return result;
      };
      // Setups in turn within each round, so all share the machine's state; the median round of each is kept.
      const results = new Map<string, LoadResult[]>();
      const add = (key: string, r: LoadResult) => results.set(key, [...(results.get(key) ?? []), r]);
      for (let round = 0; round < repeats; round++) {
        add("reference", await run("reference", p.send(reference.sessions)));
        add("gateway", await run("gateway", p.send(gateway.sessions)));
        for (const count of workerCounts) {
          await discord.setInteractionsEndpoints(workers.slice(0, count).map((w) => w.url));
          add(`http${count}`, await run(`http${count}`, p.send(undefined)));
        }
        await discord.setInteractionsEndpoints([]);
      }
      for (const [key, kinds] of refusedBy) {
        if (kinds.size === 0) continue;
        const list = [...kinds].map(([kind, n]) => `${n} ${kind}`).join(", ");
        notes.push(
          `${p.path}, ${key === "reference" ? "reference" : key === "gateway" ? "1 process over the gateway" : `${key.slice(4)} HTTP worker(s)`}, all rounds: ${list}.`,
        );
      }
      const ref = median(results.get("reference") ?? []);
      const line = (what: string, key: string) => {
        const r = median(results.get(key) ?? []);
        log(`workers: ${p.path}, ${what}: ${fmt(r)} | reference ${fmt(ref)}`);
        rows.push(`| ${p.path} | ${what} | ${fmt(r)} | ${fmt(ref)} | ${(r.perSecond / ref.perSecond).toFixed(2)}x |`);
      };
      line("1 process over the gateway", "gateway");
      for (const count of workerCounts) line(`${count} HTTP worker${count > 1 ? "s" : ""}`, `http${count}`);
    }
    const rss = workers.map((w) => `${rssOf(w.child.pid ?? 0).toFixed(0)}`).join(", ");

    return `## Workers over HTTP

\`bench/workers.ts\`, PostgreSQL. Mirrorball as GATEWAY=off workers (compiled, each its own process) behind the local
Discord's round robin: each interaction a signed POST (Ed25519), the HTTP response its callback, checked against the
OpenAPI file like a REST callback. The reference is the same store-nothing discord.js bot over the gateway; the
"1 process over the gateway" row is Mirrorball without the HTTP path. ${repeats} round(s), median shown; the setups
take turns within each round. This machine has ${cpus().length} CPUs shared by the local Discord, PostgreSQL, the
reference and every worker, so more workers cannot add CPU here: the rows show what the HTTP path costs and that
spreading the load loses nothing, not the scaling a machine per worker gives.

| path | Mirrorball | Mirrorball | reference | ratio |
|---|---|---|---|---:|
${rows.join("\n")}

Worker memory after the run (VmRSS, MiB): ${rss}.
${notes.length ? `\nWhat the local Discord refused (an interaction unanswered in 3 s also refuses its late callback and edits):\n${notes.map((n) => `- ${n}`).join("\n")}\n` : "\nThe local Discord refused no request during the run.\n"}`;
  } finally {
    for (const p of processes.reverse()) await p.stop().catch(() => undefined);
    await discord.stop();
    const cleanup = postgres(options.pgUrl, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  }
}

const marker = { start: "<!-- workers:start -->", end: "<!-- workers:end -->" };

/** The section between its markers, so a standalone run replaces only its own part of BENCHMARKS.md. */
export function withMarkers(section: string): string {
  return `${marker.start}\n${section}${marker.end}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2);
  const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
  const started = performance.now();
  log("building dist/");
  execFileSync(process.execPath, [projectPath("tools", "build", "build.mjs"), "--force"], { stdio: "inherit" });
  mkdirSync(benchDir, { recursive: true });
  const section = await benchWorkers({
    quick: argv.includes("--quick"),
    pgUrl: process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test",
    log,
  });
  log(`done in ${Math.round((performance.now() - started) / 1000)} s`);
  if (argv.includes("--no-write")) process.stdout.write(section);
  else {
    const file = projectPath("BENCHMARKS.md");
    const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
    const a = current.indexOf(marker.start);
    const b = current.indexOf(marker.end);
    const next =
      a >= 0 && b > a
        ? `${current.slice(0, a)}${withMarkers(section)}${current.slice(b + marker.end.length + 1)}`
        : `${current.trimEnd()}\n\n${withMarkers(section)}`;
    writeFileSync(file, next);
    log("wrote the Workers over HTTP section of BENCHMARKS.md");
  }
}
