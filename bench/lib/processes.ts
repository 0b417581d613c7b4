/** Bot processes for the benchmarks: Mirrorball as production runs it, and the store-nothing reference. */
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { projectPath } from "../../src/paths.js";
import type { LocalDiscord } from "../../tools/local-discord/index.js";

export const benchDir = projectPath(".bench");

export interface BotProcess {
  name: string;
  child: ChildProcess;
  startedAt: number;
  /** The gateway sessions (one per shard) this process opened: interactions are aimed at them. */
  sessions: string[];
  /** Resident memory of the node process itself (not npm, not a shell), in MiB. */
  rssMiB(): number;
  /** Resident memory of the processes it started (Mirrorball's chart process while it runs), in MiB. */
  childrenRssMiB(): number;
  /** CPU time (user + system) the process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  discord: LocalDiscord;
  shards: number | "auto";
  /** Sessions the process must open before it counts as connected. */
  expectSessions: number;
  env?: Record<string, string>;
  log: string;
}

/** Resident set size from /proc (Linux): what the process holds in RAM right now. */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0; // it has just exited
  }
}

/** CPU time of every PostgreSQL server process on this machine (the postmaster's and its backends'), in ms. */
export function postgresCpuMs(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") total += cpuMsOf(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** CPU time a process has used (utime + stime from /proc/<pid>/stat, in 10 ms clock ticks), in ms. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0; // it has just exited
  }
}

/** The resident memory of a process's children (from /proc/<pid>/task/<pid>/children). */
function childrenRssOf(pid: number): number {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    return children.reduce((sum, child) => sum + rssOf(Number(child)), 0);
  } catch {
    return 0;
  }
}

async function launch(name: string, args: string[], options: LaunchOptions): Promise<BotProcess> {
  mkdirSync(join(benchDir, "logs"), { recursive: true });
  const before = new Set(options.discord.sessions.map((s) => s.id));
  const out = createWriteStream(join(benchDir, "logs", options.log), { flags: "a" });
  const startedAt = performance.now();
  const child = spawn(process.execPath, args, {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      DISCORD_TOKEN: options.discord.token,
      DISCORD_API_URL: options.discord.apiUrl,
      SHARD_COUNT: String(options.shards),
      LOG_LEVEL: "warn",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const sessions = async () => {
    for (;;) {
      const mine = options.discord.sessions.filter((s) => !before.has(s.id) && s.connected);
      if (mine.length >= options.expectSessions) return mine.map((s) => s.id);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const connected = await Promise.race([
    sessions(),
    exited.then((code) => {
      throw new Error(`${name} exited with ${code} before connecting; see .bench/logs/${options.log}`);
    }),
  ]);
  return {
    name,
    child,
    startedAt,
    sessions: connected,
    rssMiB: () => rssOf(child.pid ?? 0),
    childrenRssMiB: () => childrenRssOf(child.pid ?? 0),
    cpuMs: () => cpuMsOf(child.pid ?? 0),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The node flags of `npm start` (package.json's start script), so the benchmark runs the bot exactly as it starts. */
export function startFlags(): string[] {
  const start: string = JSON.parse(readFileSync(projectPath("package.json"), "utf8")).scripts.start;
  const run = start.split("&&").at(-1)?.trim().split(/\s+/) ?? [];
  return run.filter((word) => word.startsWith("--"));
}

/** Mirrorball compiled to JavaScript, started with `npm start`'s node flags (minus the build step). */
export function launchMirrorball(options: LaunchOptions): Promise<BotProcess> {
  return launch(
    "Mirrorball",
    [
      ...startFlags(),
      // For profiling a run, e.g. BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=.bench/prof".
      ...(process.env.BENCH_NODE_FLAGS?.split(" ").filter(Boolean) ?? []),
      projectPath("dist", "src", "index.js"),
    ],
    options,
  );
}

export function launchReference(options: LaunchOptions): Promise<BotProcess> {
  // A/B: BENCH_AB_FLAGS="--max-semi-space-size=16" puts Mirrorball with those flags in the reference's place, and
  // BENCH_AB_DIST=/elsewhere/dist another build of it (a checkout of an earlier commit, built, for a code change): same
  // database, same local Discord, alternating rounds, so two settings or two versions are compared in one run.
  const abFlags = process.env.BENCH_AB_FLAGS;
  const abDist = process.env.BENCH_AB_DIST;
  if (abFlags !== undefined || abDist !== undefined) {
    const flags = abFlags === undefined ? startFlags() : abFlags.split(" ").filter(Boolean);
    return launch("Mirrorball B", [...flags, join(abDist ?? projectPath("dist"), "src", "index.js")], options);
  }
  return launch(
    "reference",
    [
      ...(process.env.BENCH_REFERENCE_NODE_FLAGS?.split(" ").filter(Boolean) ?? []),
      projectPath("bench", "reference", "bot.mjs"),
    ],
    options,
  );
}
