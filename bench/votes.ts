/**
 * `npm run bench:votes`: 10,000 members each vote once through the local Discord against the real bot, on PGlite
 * and on PostgreSQL, next to the same run with a vote handler that stores nothing (the ceiling of the rest of the
 * stack). Prints votes per second and p50/p99 time to the private receipt, as a Markdown table for BENCHMARKS.md.
 *
 * Options: --members N (default 10000), --concurrency N (default 64), --only pglite|postgres|null.
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a fresh database is made and dropped.
 */
import { randomUUID } from "node:crypto";
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { InteractionResponseType } from "discord.js";
import { pino } from "pino";
import postgres from "postgres";
import { type Bot, startBot } from "../src/bot.js";
import { loadConfig } from "../src/config.js";
import { readSeasonFiles } from "../src/data/loadSeasonFiles.js";
import { type DatabaseHandle, openDatabase } from "../src/db/client.js";
import { countVotes } from "../src/db/queries/polls/index.js";
import { seedSeasons } from "../src/db/seed.js";
import { LocalDiscord } from "../tools/local-discord/index.js";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const members = Number(arg("members", "10000"));
const concurrency = Number(arg("concurrency", "64"));
const only = arg("only", "");
const pgUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

interface RunResult {
  name: string;
  votes: number;
  seconds: number;
  p50: number;
  p99: number;
  max: number;
  stored: number | null;
  edits: number;
  rateLimited: number;
  violations: number;
}

async function freshPostgres(): Promise<DatabaseHandle> {
  const name = `mirrorball_bench_${randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = postgres(pgUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** When the receipt reached Discord: the callback itself, or the edit that filled a deferred reply. */
async function receiptMs(record: Awaited<ReturnType<LocalDiscord["click"]>>): Promise<number> {
  const first = await record.firstResponse();
  if (first.type === InteractionResponseType.ChannelMessageWithSource) return first.latencyMs;
  await record.settled({ idleMs: 50 });
  const filled = record.responses.find((r) => r.kind === "edit-original" || r.kind === "follow-up");
  return filled?.atMs ?? first.latencyMs;
}

async function run(name: string, engine: "pglite" | "postgres", storeNothing: boolean): Promise<RunResult> {
  const discord = await LocalDiscord.start();
  const guild = discord.addGuild({ name: "Bench Ballroom" });
  const database = engine === "pglite" ? await openDatabase({ pgliteDir: "memory://" }) : await freshPostgres();
  let bot: Bot | undefined;
  try {
    await database.migrate();
    const season32 = (await readSeasonFiles()).filter((f) => f.season.season === 32);
    await seedSeasons(database.db, { files: season32 });
    const config = loadConfig({ DISCORD_API_URL: discord.apiUrl, DEV_GUILD_ID: guild.id, LOG_LEVEL: "silent" });
    bot = await startBot({
      config,
      db: database.db,
      token: discord.token,
      logger: pino({ level: process.env.BENCH_LOG ?? "silent" }),
    });
    await discord.waitForCommands(["poll"], { guildId: guild.id });

    const create = await discord.slash({
      name: "poll",
      subcommand: "mirrorball",
      options: { season: 32, closes: "2h" },
      user: guild.ownerId,
    });
    await create.settled();
    const message = discord.channelMessages(guild.defaultChannelId).at(-1);
    const buttons =
      (message?.components?.[0] as { components?: { custom_id: string }[] } | undefined)?.components ?? [];
    if (!message || buttons.length === 0) throw new Error("the poll message was not posted");
    if (storeNothing) {
      const closesAt = new Date(Date.now() + 3_600_000);
      // The ceiling: everything but the database (interaction, routing, receipt, tally scheduling).
      bot.ctx.polls.vote = async (vote) => {
        bot?.ctx.polls.tallies.touch(vote.pollId);
        return { stored: true, label: "Xochitl Gomez & Val Chmerkovskiy", closesAt, changed: false };
      };
    }

    const voteTimes: number[] = [];
    if (process.env.BENCH_TRACE) {
      const original = bot.ctx.polls.vote.bind(bot.ctx.polls);
      bot.ctx.polls.vote = async (vote) => {
        const t = performance.now();
        try {
          return await original(vote);
        } finally {
          voteTimes.push(performance.now() - t);
        }
      };
    }
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      for (;;) {
        const i = next++;
        if (i >= members) return;
        const customId = buttons[i % buttons.length]?.custom_id ?? "";
        const user = { id: String(700000000000000000n + BigInt(i)), username: `member${i}` };
        const record = await discord.click({ message: message.id, customId, user });
        latencies.push(await receiptMs(record));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    // Let the last coalesced tally edit land before counting requests.
    await new Promise((r) => setTimeout(r, 2_500));
    const pollId = Number(buttons[0]?.custom_id.split(":")[1]);
    const stored = storeNothing
      ? null
      : [...(await countVotes(database.db, pollId)).values()].reduce((a, b) => a + b, 0);
    latencies.sort((a, b) => a - b);
    if (voteTimes.length) {
      voteTimes.sort((a, b) => a - b);
      process.stderr.write(
        `vote() p50 ${percentile(voteTimes, 50).toFixed(1)} ms, p99 ${percentile(voteTimes, 99).toFixed(1)} ms\n`,
      );
    }
    const edited = discord.message(message.id)?.edited_timestamp;
    return {
      name,
      votes: members,
      seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
      stored,
      edits: edited ? 1 : 0,
      rateLimited: discord.rateLimitHits.length,
      violations: discord.violations.length,
    };
  } finally {
    await bot?.stop();
    await database.close();
    await discord.stop();
  }
}

const runs: [string, "pglite" | "postgres", boolean][] = [
  ["null handler (stores nothing)", "pglite", true],
  ["PGlite (embedded)", "pglite", false],
  ["PostgreSQL 127.0.0.1", "postgres", false],
];
const results: RunResult[] = [];
for (const [name, engine, storeNothing] of runs) {
  if (only && !(only === "null" ? storeNothing : !storeNothing && only === engine)) continue;
  process.stderr.write(`${name}: ${members} members, ${concurrency} clicking at a time…\n`);
  results.push(await run(name, engine, storeNothing));
}

const mem = `${Math.round(totalmem() / 2 ** 30)} GiB`;
console.log(
  `Machine: ${cpus().length} CPUs (nproc) · ${cpus()[0]?.model ?? "?"} · ${mem} RAM · Node ${process.version}`,
);
console.log(`${members} members, each one click; ${concurrency} interactions in flight at a time.\n`);
console.log("| run | votes/s | p50 to receipt | p99 to receipt | max | votes stored | 429s | rejected payloads |");
console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(
    `| ${r.name} | ${Math.round(r.votes / r.seconds)} | ${r.p50.toFixed(1)} ms | ${r.p99.toFixed(1)} ms | ${r.max.toFixed(0)} ms | ${r.stored ?? "–"} | ${r.rateLimited} | ${r.violations} |`,
  );
}
