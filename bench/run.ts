/**
 * `npm run bench`: every benchmark, each Mirrorball figure next to the store-nothing discord.js reference measured in
 * the same run, on PGlite and on PostgreSQL; writes BENCHMARKS.md.
 *
 * Both bots run as their own `node` processes against one local Discord (in this process, with its OpenAPI checks):
 * Mirrorball compiled to JavaScript exactly as `npm start` runs it, the reference from bench/reference/bot.mjs.
 * While both are connected, each path is driven first at one and then at the other, so they share the machine's
 * state; the interaction is aimed at the bot's own gateway sessions.
 *
 * Options: --engines pglite,postgres (default both) · --quick (fewer requests) · --no-write (print only)
 * · --paths /season,/compare (only these lookups)
 * · --sections start,memory,lookups,autocomplete,votes,shards,workers (default all; workers: HTTP workers on
 *   PostgreSQL, bench/workers.ts).
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a fresh database per run.
 */
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import postgres from "postgres";
import { projectPath } from "../src/paths.js";
import { LocalDiscord, type SlashInput } from "../tools/local-discord/index.js";
import { drive, type LoadResult, median } from "./lib/load.js";
import {
  type BotProcess,
  benchDir,
  type LaunchOptions,
  launchMirrorball,
  launchReference,
  postgresCpuMs,
  startFlags,
} from "./lib/processes.js";
import { benchWorkers, withMarkers } from "./workers.js";

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const quick = argv.includes("--quick");
const engines = (option("engines") ?? "pglite,postgres").split(",") as Engine[];
// Two processes must never open one PGlite directory: an A/B (BENCH_AB_FLAGS, BENCH_AB_DIST) runs on PostgreSQL only.
if ((process.env.BENCH_AB_FLAGS ?? process.env.BENCH_AB_DIST) !== undefined && engines.includes("pglite")) {
  process.stderr.write("An A/B runs two Mirrorballs on one database: use it with --engines postgres.\n");
  process.exit(2);
}
const sections = new Set(
  (option("sections") ?? "start,memory,lookups,autocomplete,votes,shards,workers").split(",").filter(Boolean),
);
/** Only the lookup paths whose name contains one of these (e.g. --paths /season,/compare). */
const pathFilter = option("paths")?.split(",").filter(Boolean);
const wanted = (path: string) => !pathFilter || pathFilter.some((p) => path.includes(p));
const pgUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
// Enough requests that each path runs for a second or more: at a few thousand a second, 400 took under 0.2 s and
// the ratio moved by ±0.4 from run to run.
const lookupRequests = quick ? 150 : 3000;
const voteMembers = quick ? 1000 : 3000;
/** Start-up is measured this many times and the median kept. */
const repeats = quick ? 1 : 3;
/**
 * Measured rounds of each side-by-side path (after the warm-up). Even, so each bot goes first in as many rounds as the
 * other: with 3, the bot that went first in two of them carried that order's advantage or cost into the median.
 */
const rounds = Number(option("rounds") ?? (quick ? 2 : 4));

type Engine = "pglite" | "postgres";
const engineName: Record<Engine, string> = { pglite: "PGlite", postgres: "PostgreSQL" };

interface Row {
  section: string;
  engine: Engine | "-";
  path: string;
  mirrorball: string;
  reference: string;
  ratio: string;
  /** First-response p99 (ms) of the median rounds, for the summary under the table. */
  firstP99?: { mirrorball: number; reference: number };
}
const rows: Row[] = [];
/** Per measured round: how long this process's event loop (the local Discord and the driver) kept events waiting. */
const harnessDelays: { section: string; engine: Engine; loopP99Ms: number; busyShare: number }[] = [];
const notes: string[] = [];

const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fmt(r: LoadResult): string {
  const lost = r.unanswered ? `, **${r.unanswered} unanswered**` : "";
  return `${Math.round(r.perSecond)}/s, first p50 ${r.firstP50.toFixed(0)} / p99 ${r.firstP99.toFixed(0)} ms, answered p99 ${r.answeredP99.toFixed(0)} ms${lost}`;
}

/** The median run (by throughput) of several. */
function medianRun(runs: LoadResult[]): LoadResult {
  const sorted = [...runs].sort((a, b) => a.perSecond - b.perSecond);
  return sorted[Math.floor(sorted.length / 2)] as LoadResult;
}

interface DatabaseSetup {
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function freshDatabase(engine: Engine): Promise<DatabaseSetup> {
  if (engine === "pglite") {
    const dir = join(benchDir, `pglite-${randomUUID().slice(0, 8)}`);
    mkdirSync(dir, { recursive: true });
    return { env: { PGLITE_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `mirrorball_bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async drop() {
      const cleanup = postgres(pgUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Both bots on one local Discord and one database. */
class Stage {
  mirrorball: BotProcess | undefined;
  reference: BotProcess | undefined;
  private constructor(
    readonly engine: Engine,
    readonly discord: LocalDiscord,
    readonly database: DatabaseSetup,
  ) {}

  static async create(engine: Engine): Promise<Stage> {
    // max_concurrency 16 (as Discord grants large bots) so four shards identify at once rather than 5 s apart.
    const discord = await LocalDiscord.start({ maxConcurrency: 16 });
    discord.addGuild({ name: "Bench Ballroom" });
    return new Stage(engine, discord, await freshDatabase(engine));
  }

  get guildIds(): string[] {
    return this.discord.guildIds();
  }

  addGuilds(total: number): void {
    for (let i = this.guildIds.length; i < total; i++) this.discord.addGuild({ name: `Ballroom ${i}` });
  }

  private options(shards: number | "auto", expectSessions: number, log: string): LaunchOptions {
    return { discord: this.discord, shards, expectSessions, env: this.database.env, log };
  }

  /** Starts Mirrorball; resolves with ms from spawn until it answered its first /season. */
  async startMirrorball(shards: number | "auto" = 1, sessions = 1): Promise<number> {
    this.mirrorball = await launchMirrorball(this.options(shards, sessions, `mirrorball-${this.engine}.log`));
    await this.discord.waitForCommands(["leaderboard", "poll", "season"], { timeoutMs: 120_000 });
    return this.firstAnswer(this.mirrorball);
  }

  async startReference(shards: number | "auto" = 1, sessions = 1): Promise<number> {
    this.reference = await launchReference(this.options(shards, sessions, `reference-${this.engine}.log`));
    return this.firstAnswer(this.reference);
  }

  private async firstAnswer(bot: BotProcess): Promise<number> {
    for (;;) {
      const record = await this.discord.slash({ name: "season", options: { number: 32 }, target: bot.sessions });
      try {
        await record.answered();
        return performance.now() - bot.startedAt;
      } catch {
        await sleep(50);
      }
    }
  }

  async stopBots(): Promise<void> {
    await this.mirrorball?.stop();
    await this.reference?.stop();
    this.mirrorball = undefined;
    this.reference = undefined;
  }

  async close(): Promise<void> {
    await this.stopBots();
    await this.discord.stop();
    await this.database.drop();
  }
}

/** Drives a load at one bot and measures the CPU time its process spent, per request. */
async function driveMeasured(
  discord: LocalDiscord,
  bot: BotProcess,
  requests: number,
  inFlight: number,
  send: (i: number) => ReturnType<LocalDiscord["slash"]>,
): Promise<Measured> {
  const before = bot.cpuMs();
  const discordBefore = process.cpuUsage();
  const postgresBefore = postgresCpuMs();
  // The local Discord's own event loop: a request that reaches it while it is busy or held up waits, and that wait is
  // in both bots' "first" times.
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const result = await drive(requests, inFlight, send, discord.forget);
  loop.disable();
  const discordCpu = process.cpuUsage(discordBefore);
  const discordCpuMs = (discordCpu.user + discordCpu.system) / 1000;
  return {
    ...result,
    postgresCpuMs: (postgresCpuMs() - postgresBefore) / requests,
    cpuMs: (bot.cpuMs() - before) / requests,
    // This process: the local Discord and the load driver, which share the machine with the bot.
    discordCpuMs: discordCpuMs / requests,
    loopP99Ms: loop.percentile(99) / 1e6,
    // CPU time over wall time: the share of one core this process used while it drove the path.
    busyShare: discordCpuMs / ((requests / result.perSecond) * 1000),
  };
}

type Measured = LoadResult & {
  cpuMs: number;
  discordCpuMs: number;
  postgresCpuMs: number;
  loopP99Ms: number;
  busyShare: number;
};

/**
 * Runs a path at both bots, one after the other (who goes first alternates), a warm-up round and then `rounds`
 * rounds, and records the median round of each side by side with the median of the rounds' ratios.
 */
async function sideBySide(
  stage: Stage,
  section: string,
  path: string,
  requests: number,
  inFlight: number,
  send: (bot: BotProcess, i: number) => ReturnType<LocalDiscord["slash"]>,
): Promise<void> {
  const mine: Measured[] = [];
  const theirs: Measured[] = [];
  const ratios: number[] = [];
  const mirrorball = stage.mirrorball as BotProcess;
  const reference = stage.reference as BotProcess;
  // The first round warms both up (JIT, caches) and is not counted.
  for (let round = 0; round <= rounds; round++) {
    // Who goes first alternates, so neither bot always runs on the other's leftovers (garbage, caches, heat).
    const first = round % 2 === 0 ? mirrorball : reference;
    const second = first === mirrorball ? reference : mirrorball;
    const a = await driveMeasured(stage.discord, first, requests, inFlight, (i) => send(first, i));
    const b = await driveMeasured(stage.discord, second, requests, inFlight, (i) => send(second, i));
    const [m, r] = first === mirrorball ? [a, b] : [b, a];
    if (round === 0) continue;
    for (const x of [a, b]) {
      harnessDelays.push({ section, engine: stage.engine, loopP99Ms: x.loopP99Ms, busyShare: x.busyShare });
    }
    mine.push(m);
    theirs.push(r);
    ratios.push(m.perSecond / r.perSecond);
  }
  const m = medianRun(mine);
  const r = medianRun(theirs);
  const cpu = (runs: { cpuMs: number }[]) => `, CPU ${median(runs.map((x) => x.cpuMs)).toFixed(2)} ms`;
  const ms = (runs: Measured[], of: (x: Measured) => number) => `${median(runs.map(of)).toFixed(2)} ms`;
  // What else the request cost on this machine: the local Discord's process, and PostgreSQL's server processes.
  const discordCpu = (runs: Measured[]) =>
    ` (local Discord ${ms(runs, (x) => x.discordCpuMs)}, its loop delay p99 ${ms(runs, (x) => x.loopP99Ms)}${stage.engine === "postgres" ? `, PostgreSQL ${ms(runs, (x) => x.postgresCpuMs)}` : ""})`;
  log(
    `${engineName[stage.engine]} ${path}: ${fmt(m)}${cpu(mine)}${discordCpu(mine)} | reference ${fmt(r)}${cpu(theirs)}${discordCpu(theirs)}`,
  );
  rows.push({
    section,
    engine: stage.engine,
    path,
    mirrorball: fmt(m) + cpu(mine),
    reference: fmt(r) + cpu(theirs),
    // Each round pairs the two bots back to back on the same machine state; the median of those pairs' ratios.
    ratio: `${median(ratios).toFixed(2)}x`,
    firstP99: { mirrorball: m.firstP99, reference: r.firstP99 },
  });
}

const leaderboardWeeks = [4, 5, 6, 7, 8, 9, 10, 11];
const couples = ["Xochitl Gomez", "Jason Mraz", "Ariana Madix", "Charity Lawson"];
const pros = ["Val Chmerkovskiy", "Derek Hough", "Cheryl Burke", "Mark Ballas"];
const judges = ["Carrie Ann Inaba", "Bruno Tonioli", "Len Goodman", "Derek Hough"];
const styles = ["Tango", "Waltz", "Jive", "Foxtrot"];
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

const lookups: { path: string; input: (i: number) => SlashInput }[] = [
  {
    path: "/leaderboard (8 weeks)",
    input: (i) => ({ name: "leaderboard", options: { season: 32, week: pick(leaderboardWeeks, i) } }),
  },
  { path: "/couple (4 couples, chart)", input: (i) => ({ name: "couple", options: { name: pick(couples, i) } }) },
  { path: "/season", input: (i) => ({ name: "season", options: { number: 27 + (i % 8) } }) },
  { path: "/results", input: (i) => ({ name: "results", options: { season: 32, week: pick(leaderboardWeeks, i) } }) },
  { path: "/pro", input: (i) => ({ name: "pro", options: { name: pick(pros, i) } }) },
  { path: "/judge", input: (i) => ({ name: "judge", options: { name: pick(judges, i) } }) },
  { path: "/dance", input: (i) => ({ name: "dance", options: { style: pick(styles, i) } }) },
  {
    path: "/records",
    input: (i) => ({ name: "records", options: i % 2 ? { season: 30 + (i % 5) } : ({} as Record<string, number>) }),
  },
  {
    path: "/compare (chart)",
    input: (i) => ({ name: "compare", options: { a: pick(couples, i), b: pick(couples, i + 1) } }),
  },
];

async function benchLookups(stage: Stage): Promise<void> {
  for (const lookup of lookups) {
    if (!wanted(lookup.path)) continue;
    await sideBySide(stage, "lookups", lookup.path, lookupRequests, 50, (bot, i) =>
      stage.discord.slash({ ...lookup.input(i), target: bot.sessions }),
    );
  }
  const navigation = "week buttons (navigation)";
  if (!wanted(navigation)) return;
  // Navigation: other members press week buttons under one posted leaderboard (each gets a private copy).
  const posted = await stage.discord.slash({
    name: "leaderboard",
    options: { season: 32, week: 6 },
    target: stage.mirrorball?.sessions,
  });
  await posted.answered();
  const message = posted.finalMessage();
  const buttons = ((message?.components?.[0] as { components?: { custom_id?: string }[] })?.components ?? [])
    .map((b) => b.custom_id)
    .filter((id): id is string => typeof id === "string" && /^lb:\d/.test(id));
  if (!message || buttons.length === 0) throw new Error("the leaderboard had no week buttons");
  await sideBySide(stage, "lookups", navigation, lookupRequests, 50, (bot, i) =>
    stage.discord.click({
      message: message.id,
      customId: pick(buttons, i),
      user: { id: String(800000000000000000n + BigInt(i)), username: `nav${i}` },
      target: bot.sessions,
    }),
  );
}

const someLookups = 100;
const someVotes = 500;

/** A quiet evening's traffic at both bots: every lookup a few times over and one poll's votes. */
async function someTraffic(stage: Stage): Promise<void> {
  for (const bot of [stage.mirrorball, stage.reference] as BotProcess[]) {
    for (const lookup of lookups) {
      await drive(
        someLookups,
        10,
        (i) => stage.discord.slash({ ...lookup.input(i), target: bot.sessions }),
        stage.discord.forget,
      );
    }
  }
  const vote = await votingMembers(stage, 600000000000000000n);
  for (const bot of [stage.mirrorball, stage.reference] as BotProcess[]) {
    await drive(someVotes, 20, (i) => vote(bot, i), stage.discord.forget);
  }
}

async function benchAutocomplete(stage: Stage): Promise<void> {
  const typed = ["x", "xoch", "val", "helio", "derek", "jen", "a", "mar"];
  const targets = [
    { command: "couple", option: "name", text: (i: number) => pick(typed, i) },
    { command: "pro", option: "name", text: (i: number) => pick(typed, i) },
    { command: "leaderboard", option: "season", text: (i: number) => pick(["", "3", "1", "32"], i) },
  ];
  for (const t of targets) {
    await sideBySide(stage, "autocomplete", `/${t.command} ${t.option}`, lookupRequests, 50, async (bot, i) => {
      const result = await stage.discord.autocomplete({
        name: t.command,
        options: { [t.option]: t.text(i) },
        focused: t.option,
        target: bot.sessions,
      });
      return result.interaction;
    });
  }
}

/**
 * Posts a Mirrorball poll in the first server and returns a click on its buttons: every click is a different member
 * (ids counting up from `firstMember`), so each is a new vote, not a changed one.
 */
async function votingMembers(stage: Stage, firstMember: bigint) {
  const guild = stage.discord.guildIds()[0] as string;
  const owner = stage.discord.guildOwner(guild);
  const create = await stage.discord.slash({
    name: "poll",
    subcommand: "mirrorball",
    options: { season: 32, closes: "2h" },
    user: owner,
    target: stage.mirrorball?.sessions,
  });
  await create.settled();
  const channel = stage.discord.guildChannels(guild)[0] as string;
  const message = stage.discord.channelMessages(channel).at(-1);
  const buttons = (message?.components?.[0] as { components?: { custom_id: string }[] } | undefined)?.components ?? [];
  if (!message || buttons.length === 0) throw new Error("the poll message was not posted");
  let member = 0;
  return (bot: BotProcess, i: number) =>
    stage.discord.click({
      message: message.id,
      customId: pick(buttons, i).custom_id,
      user: { id: String(firstMember + BigInt(member++)), username: `member${i}` },
      target: bot.sessions,
    });
}

async function benchVotes(stage: Stage): Promise<void> {
  const vote = await votingMembers(stage, 700000000000000000n);
  await sideBySide(stage, "votes", `vote clicks (${voteMembers} members, 200 in flight)`, voteMembers, 200, vote);
}

async function benchEngine(engine: Engine): Promise<void> {
  log(`${engineName[engine]}: fresh database`);
  const stage = await Stage.create(engine);
  try {
    if (sections.has("start") || sections.has("memory")) {
      const first = await stage.startMirrorball();
      const firstRss = stage.mirrorball?.rssMiB() ?? 0;
      await stage.stopBots();
      const again: number[] = [];
      for (let i = 0; i < repeats; i++) {
        again.push(await stage.startMirrorball());
        if (i < repeats - 1) await stage.stopBots();
      }
      const reference: number[] = [];
      for (let i = 0; i < repeats; i++) {
        reference.push(await stage.startReference());
        if (i < repeats - 1) {
          await stage.reference?.stop();
        }
      }
      rows.push({
        section: "start",
        engine,
        path: "start to first answer, first run (migrations, all 34 seasons loaded)",
        mirrorball: `${(first / 1000).toFixed(1)} s`,
        reference: `${(median(reference) / 1000).toFixed(1)} s`,
        ratio: "",
      });
      rows.push({
        section: "start",
        engine,
        path: "start to first answer, existing database",
        mirrorball: `${(median(again) / 1000).toFixed(2)} s`,
        reference: `${(median(reference) / 1000).toFixed(2)} s`,
        ratio: "",
      });
      await sleep(1000);
      memoryRow(stage, 1, `after the first run's load: ${firstRss.toFixed(0)} MiB`);
      await stage.stopBots();
    }
    stage.addGuilds(1000);
    log(`${engineName[engine]}: 1,000 servers`);
    await stage.startMirrorball();
    await stage.startReference();
    await sleep(1000);
    memoryRow(stage, 1000, "after READY");
    if (sections.has("memory")) {
      await someTraffic(stage);
      await sleep(2000);
      memoryRow(stage, 1000, `after some traffic (${someLookups} of each lookup, ${someVotes} votes)`);
      dumpMemory(stage);
    }
    if (sections.has("lookups")) await benchLookups(stage);
    if (sections.has("autocomplete")) await benchAutocomplete(stage);
    if (sections.has("votes")) await benchVotes(stage);
    memoryRow(stage, 1000, "right after the traffic above");
    // Idle, as between show nights: the chart process exits after 15 s idle and the heap settles.
    await sleep(30_000);
    memoryRow(stage, 1000, "30 s after the traffic");
    await stage.stopBots();
    if (sections.has("memory") || sections.has("shards")) {
      stage.addGuilds(10_000);
      log(`${engineName[engine]}: 10,000 servers on 4 shards`);
      const four = await stage.startMirrorball(4, 4);
      const fourRef = await stage.startReference(4, 4);
      await sleep(1000);
      memoryRow(stage, 10_000, "4 shards, after READY");
      if (sections.has("shards")) await shardRuns(stage, "4 shards", four, fourRef);
      await stage.stopBots();
      if (sections.has("shards")) {
        // One connection for 10,000 guilds is what Discord refuses (4011); lifted here only to compare.
        stage.discord.setMaxGuildsPerShard(10_000);
        const one = await stage.startMirrorball(1, 1);
        const oneRef = await stage.startReference(1, 1);
        await sleep(1000);
        memoryRow(stage, 10_000, "1 shard (Discord's limit lifted), after READY");
        await shardRuns(stage, "1 shard", one, oneRef);
        stage.discord.setMaxGuildsPerShard(2500);
      }
    }
  } finally {
    const kinds = new Map<string, number>();
    for (const v of stage.discord.violations) kinds.set(v.kind, (kinds.get(v.kind) ?? 0) + 1);
    if (kinds.size > 0) {
      const list = [...kinds].map(([kind, n]) => `${n} ${kind}`).join(", ");
      notes.push(`${engineName[stage.engine]}: the local Discord recorded ${list} (both bots, the whole run).`);
    }
    await stage.close();
  }
}

/**
 * For finding what the memory holds after some traffic, on request: BENCH_HEAP_SNAPSHOT=1 (with
 * BENCH_NODE_FLAGS="--heapsnapshot-signal=SIGUSR2") has Mirrorball write a heap snapshot; BENCH_SMAPS=<prefix> copies
 * both bots' /proc/<pid>/smaps to <prefix>.<bot>.
 */
function dumpMemory(stage: Stage): void {
  if (process.env.BENCH_HEAP_SNAPSHOT) stage.mirrorball?.child.kill("SIGUSR2");
  const prefix = process.env.BENCH_SMAPS;
  if (!prefix) return;
  for (const bot of [stage.mirrorball, stage.reference]) {
    if (bot?.child.pid) writeFileSync(`${prefix}.${bot.name}`, readFileSync(`/proc/${bot.child.pid}/smaps`));
  }
}

function memoryRow(stage: Stage, servers: number, when: string): void {
  const m = stage.mirrorball?.rssMiB();
  const charts = stage.mirrorball?.childrenRssMiB() ?? 0;
  const r = stage.reference?.rssMiB();
  rows.push({
    section: "memory",
    engine: stage.engine,
    path: `RSS of the node process, ${servers.toLocaleString("en-US")} server${servers === 1 ? "" : "s"}, ${when}`,
    mirrorball:
      m === undefined
        ? ""
        : `${m.toFixed(0)} MiB${charts > 0 ? ` (chart process: ${charts.toFixed(0)} MiB more)` : ""}`,
    reference: r === undefined ? "–" : `${r.toFixed(0)} MiB`,
    ratio: "",
  });
}

async function shardRuns(stage: Stage, label: string, startMs: number, referenceStartMs: number): Promise<void> {
  const guilds = stage.discord.guildIds();
  rows.push({
    section: "shards",
    engine: stage.engine,
    path: `10,000 servers, ${label}: start to first answer`,
    mirrorball: `${(startMs / 1000).toFixed(1)} s`,
    reference: `${(referenceStartMs / 1000).toFixed(1)} s`,
    ratio: "",
  });
  await sideBySide(
    stage,
    "shards",
    `10,000 servers, ${label}: /leaderboard from every server`,
    lookupRequests,
    50,
    (bot, i) =>
      stage.discord.slash({
        name: "leaderboard",
        options: { season: 32, week: pick(leaderboardWeeks, i) },
        guildId: pick(guilds, i * 7919),
        target: bot.sessions,
      }),
  );
}

function machine(): string {
  const model = cpus()[0]?.model ?? "?";
  let pg = "";
  try {
    pg = execFileSync("psql", ["-At", pgUrl, "-c", "show server_version"], { encoding: "utf8" }).trim();
  } catch {
    pg = "?";
  }
  return `${cpus().length} CPUs (${model}) · ${Math.round(totalmem() / 2 ** 30)} GiB RAM · Node ${process.version} · PostgreSQL ${pg} on 127.0.0.1 · load average at start ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`;
}

function render(startedAt: Date, seconds: number): string {
  const table = (section: string) =>
    [
      "| database | what | Mirrorball | reference | ratio |",
      "|---|---|---|---|---:|",
      ...rows
        .filter((r) => r.section === section)
        .map(
          (r) =>
            `| ${r.engine === "-" ? "" : engineName[r.engine]} | ${r.path} | ${r.mirrorball} | ${r.reference} | ${r.ratio} |`,
        ),
    ].join("\n");
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts) on ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC in ${Math.round(seconds)} s.
Machine: ${machine()}.

Every figure stands next to the **store-nothing reference** measured in the same run: a plain discord.js bot
(bench/reference/bot.mjs) in its own \`node\` process, answering the same interactions with a fixed reply of the same
kind and size (a ~3 KB embed; an 18 KB PNG for the two chart commands; a private receipt for votes; 25 autocomplete
choices) and no database. Mirrorball runs compiled (\`dist/\`) with \`npm start\`'s node flags (\`${startFlags().join(" ")}\`)
in its own process. Both connect to one local Discord (tools/local-discord, in the benchmark process, checking every
request against Discord's OpenAPI file, forgetting each interaction once measured); each path is driven at one bot
and then the other (who goes first alternates) in ${rounds} rounds after one warm-up round that is not counted, and
the median round of each is shown. "first" is dispatch to the interaction callback (what Discord's 3 s rule
measures); "answered" is until the member saw the answer (the edit that fills a deferral, when there is one); "CPU" is
the CPU time the bot's process spent per request (median round).
Ratio = Mirrorball's throughput / the reference's in the same round, the median over the rounds: the two share the
machine's state, which on this 2-core machine moves the absolute figures by a factor of 2 or more from run to run.
Servers: 1,000 unless a row says otherwise; lookups come from one server, ${lookupRequests} requests per path at 50 in
flight; votes are different members clicking one poll's buttons, 200 in flight.

## Lookups

${table("lookups")}
${harnessNote("lookups", { explain: true, countSlow: true })}

## Autocomplete

${table("autocomplete")}
${harnessNote("autocomplete", { countSlow: true })}

## Votes

Each vote is committed before its receipt is sent.

${table("votes")}
${harnessNote("votes")}

## Memory

Resident memory (VmRSS) of the bot's node process itself, not npm's.

${table("memory")}

## Start

From spawning the process to the first answered \`/season\`.

${table("start")}

## Shards

All shards in one process (discord.js's internal sharding). The local Discord grants \`max_concurrency\` 16, so the
shards identify together.

${table("shards")}
${workersSection ? `\n${withMarkers(workersSection)}` : ""}${notes.length ? `\nNotes\n${notes.map((n) => `- ${n}`).join("\n")}\n` : ""}`;
}

/**
 * Under a table: how busy the local Discord's own process was and how long its event loop kept events waiting; with
 * `countSlow`, how many paths had a first-response p99 of 100 ms or more, for Mirrorball and for the reference; with
 * `explain`, why that wait is in every latency figure.
 */
function harnessNote(section: string, { explain = false, countSlow = false } = {}): string {
  const measured = harnessDelays.filter((d) => d.section === section);
  if (measured.length === 0) return "";
  const range = (values: number[], unit: string, scale = 1) => {
    const show = (v: number) => (v * scale).toFixed(0);
    return `${show(Math.min(...values))}-${show(Math.max(...values))}${unit} (median ${show(median(values))}${unit})`;
  };
  const lines = engines
    .filter((engine) => measured.some((d) => d.engine === engine))
    .map((engine) => {
      const rounds = measured.filter((d) => d.engine === engine);
      const paths = rows.filter((r) => r.section === section && r.engine === engine && r.firstP99);
      const slow = (side: "mirrorball" | "reference") => paths.filter((r) => (r.firstP99?.[side] ?? 0) >= 100).length;
      const busy = range(
        rounds.map((d) => d.busyShare),
        "%",
        100,
      );
      const delay = range(
        rounds.map((d) => d.loopP99Ms),
        " ms",
      );
      return (
        `- ${engineName[engine]}: ${busy} of a core busy; its event loop's p99 delay ${delay}.` +
        (countSlow
          ? ` First p99 of 100 ms or more: ${slow("mirrorball")} of ${paths.length} paths for Mirrorball, ` +
            `${slow("reference")} for the reference.`
          : "")
      );
    });
  const why = explain
    ? `
The local Discord and the load driver run in the benchmark's own process on the same 2 cores as both bots, so a
request that reaches it while its event loop is busy or held up waits there, whichever bot it is for; every "first"
and "answered" figure includes that wait.`
    : "";
  return `${why}
The benchmark process (the local Discord and the load driver), over the measured rounds of both bots:
${lines.join("\n")}`;
}

const startedAt = new Date();
const t0 = performance.now();
log("building dist/");
execFileSync(process.execPath, [projectPath("tools", "build", "build.mjs"), "--force"], { stdio: "inherit" });
mkdirSync(benchDir, { recursive: true });
for (const engine of engines) await benchEngine(engine);
const workersSection =
  sections.has("workers") && engines.includes("postgres") ? await benchWorkers({ quick, pgUrl, log }) : undefined;
const output = render(startedAt, (performance.now() - t0) / 1000);
if (argv.includes("--no-write")) process.stdout.write(output);
else {
  writeFileSync(projectPath("BENCHMARKS.md"), output);
  log("wrote BENCHMARKS.md");
}
