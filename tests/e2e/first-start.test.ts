/**
 * Issue 29, item 5: a first start killed while it loads the seasons must not leave a partial database for good. Each
 * season is loaded in a transaction of its own that also records its file's hash (`seed:<franchise>:<season>` in
 * bot_state), and every start brings in each data/seasons file whose hash is not recorded (src/seed/prepare.ts), so
 * the next start completes what the killed one began.
 *
 * Here `node dist/src/index.js` starts on an empty database (a new PGlite folder, or a new PostgreSQL database) and is
 * killed with SIGKILL at points of its first load chosen from the load itself: as its database appears, when some
 * seasons are recorded, near the end, and once it says the load is done. After each kill the database must hold only
 * whole seasons (each with its hash and everything its file holds); then the bot starts again as usual, and it must
 * hold every season of data/seasons, whole. At least one kill per database lands mid-load (some seasons, not all).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { eq, like, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type LoadedSeasonFile, readSeasonFiles } from "../../src/data/loadSeasonFiles.js";
import { type Database, type DatabaseHandle, openDatabase } from "../../src/db/client.js";
import * as t from "../../src/db/schema/index.js";
import { projectPath } from "../../src/paths.js";
import { seedKey } from "../../src/seed/seasons.js";
import { LocalDiscord, type LocalGuild } from "../../tools/local-discord/index.js";
import { engine, testDatabaseUrl } from "../support/database.js";
import { type BotChild, buildOnce, spawnBot, stopBot, tempDir } from "../support/process.js";
import { replyTo } from "../support/replies.js";

let discord: LocalDiscord;
let guild: LocalGuild;
let files: LoadedSeasonFile[];
const cleanups: (() => Promise<unknown>)[] = [];
const children = new Set<ChildProcess>();

beforeAll(async () => {
  buildOnce();
  files = await readSeasonFiles();
  discord = await LocalDiscord.start();
  guild = discord.addGuild({ name: "First Start" });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  await discord?.stop();
});

/** What a season's file says the database must hold for it. */
interface Holding {
  hash: string | undefined;
  couples: number;
  weeks: number;
  dances: number;
  scores: number;
}

function expected(file: LoadedSeasonFile): Holding {
  const s = file.season;
  let dances = 0;
  let scores = 0;
  for (const w of s.weeks) {
    dances += w.performances.length;
    for (const p of w.performances) {
      p.scores?.forEach((score, position) => {
        if (score !== null && w.judges[position]) scores++;
      });
    }
  }
  return { hash: file.hash, couples: s.couples.length, weeks: s.weeks.length, dances, scores };
}

/** Rows of a raw query, whichever driver ran it (postgres-js returns an array, PGlite `{ rows }`). */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

/** What the database holds per season, by its seed key; null before the migrations made bot_state. */
async function holdings(db: Database): Promise<Map<string, Holding> | null> {
  const [migrated] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from information_schema.tables where table_name = 'bot_state'`),
  );
  if (!migrated?.n) return null;
  const held = new Map<string, Holding>();
  const byKey = (key: string): Holding => {
    let h = held.get(key);
    if (!h) {
      h = { hash: undefined, couples: 0, weeks: 0, dances: 0, scores: 0 };
      held.set(key, h);
    }
    return h;
  };
  const at = (franchise: string, season: number) => byKey(seedKey(franchise, season));
  const seed = await db
    .select({ key: t.botState.key, value: t.botState.value })
    .from(t.botState)
    .where(like(t.botState.key, "seed:%"));
  for (const row of seed) byKey(row.key).hash = row.value;
  const season = { franchise: t.seasons.franchise, number: t.seasons.number, n: sql<number>`count(*)::int` };
  for (const row of await db.select({ franchise: t.seasons.franchise, number: t.seasons.number }).from(t.seasons))
    at(row.franchise, row.number);
  for (const row of await db
    .select(season)
    .from(t.couples)
    .innerJoin(t.seasons, eq(t.couples.seasonId, t.seasons.id))
    .groupBy(t.seasons.franchise, t.seasons.number))
    at(row.franchise, row.number).couples = row.n;
  for (const row of await db
    .select(season)
    .from(t.weeks)
    .innerJoin(t.seasons, eq(t.weeks.seasonId, t.seasons.id))
    .groupBy(t.seasons.franchise, t.seasons.number))
    at(row.franchise, row.number).weeks = row.n;
  for (const row of await db
    .select(season)
    .from(t.performances)
    .innerJoin(t.weeks, eq(t.performances.weekId, t.weeks.id))
    .innerJoin(t.seasons, eq(t.weeks.seasonId, t.seasons.id))
    .groupBy(t.seasons.franchise, t.seasons.number))
    at(row.franchise, row.number).dances = row.n;
  for (const row of await db
    .select(season)
    .from(t.judgeScores)
    .innerJoin(t.performances, eq(t.judgeScores.performanceId, t.performances.id))
    .innerJoin(t.weeks, eq(t.performances.weekId, t.weeks.id))
    .innerJoin(t.seasons, eq(t.weeks.seasonId, t.seasons.id))
    .groupBy(t.seasons.franchise, t.seasons.number))
    at(row.franchise, row.number).scores = row.n;
  return held;
}

/** The show-data version every bot process watches (set once a load brought seasons in) and the owners' audit entries. */
async function markers(db: Database): Promise<{ version: string | null; audited: number }> {
  const [version] = await db.select().from(t.botState).where(eq(t.botState.key, "live:indexes"));
  return { version: version?.value ?? null, audited: await db.$count(t.adminAudit) };
}

/** An empty database the bot process opens by itself, with a way for the test to read it while no bot holds it. */
interface EmptyDatabase {
  env: Record<string, string>;
  /** Seasons recorded so far, read while the bot runs (PostgreSQL only); -1 before the migrations. */
  seedCount?: () => Promise<number>;
  /** Whether the database exists yet, as the bot process makes it. */
  appeared: () => Promise<boolean>;
  read<T>(fn: (db: Database) => Promise<T>): Promise<T>;
}

async function emptyDatabase(): Promise<EmptyDatabase> {
  if (!testDatabaseUrl) {
    const dir = tempDir(`test-first-start-${randomUUID().slice(0, 8)}`);
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return {
      env: { PGLITE_DIR: dir },
      // PGlite writes postmaster.pid as its database starts, after initdb has filled the folder. (Killed before that,
      // while PGlite writes the new folder, PG_VERSION first, the folder may never open again: "PGlite failed to
      // initialize properly" on every later start. That is PGlite's creation of the folder, not the load of the
      // seasons, and is not covered here.)
      appeared: async () => existsSync(join(dir, "postmaster.pid")),
      read: (fn) => withHandle(openDatabase({ pgliteDir: dir }), fn),
    };
  }
  const name = `mirrorball_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const watcher = postgres(url.toString(), { max: 1, onnotice: () => {} });
  cleanups.push(async () => {
    await watcher.end();
    const cleanup = postgres(testDatabaseUrl as string, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  });
  return {
    env: { DATABASE_URL: url.toString() },
    async seedCount() {
      const [table] = await watcher<{ t: string | null }[]>`select to_regclass('public.bot_state')::text as t`;
      if (table?.t == null) return -1;
      const [row] = await watcher<{ n: number }[]>`select count(*)::int as n from bot_state where key like 'seed:%'`;
      return row?.n ?? -1;
    },
    // drizzle's migrator makes its bookkeeping table first, then runs the migrations in one transaction.
    async appeared() {
      const [row] = await watcher<
        { t: string | null }[]
      >`select to_regclass('drizzle.__drizzle_migrations')::text as t`;
      return row?.t != null;
    },
    read: (fn) => withHandle(openDatabase({ url: url.toString() }), fn),
  };
}

async function withHandle<T>(opening: Promise<DatabaseHandle>, fn: (db: Database) => Promise<T>): Promise<T> {
  const handle = await opening;
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}

/** `node dist/src/index.js` as spawnBot starts it, but returned at once, logging at info to show when its load ends. */
function startFirst(env: Record<string, string>) {
  let output = "";
  const child = spawn(process.execPath, [projectPath("dist", "src", "index.js")], {
    env: {
      PATH: process.env.PATH ?? "",
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
      LOG_LEVEL: "info",
      SHARD_COUNT: "1",
      DEV_GUILD_ID: guild.id,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  child.stdout?.on("data", (d) => {
    output += String(d);
  });
  child.stderr?.on("data", (d) => {
    output += String(d);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    exited,
    output: () => output,
    /** Its load is over: it logged the installation ("empty database: loaded data/") or the database as ready. */
    loaded: () => /"msg":"(empty database: loaded data\/|database ready)"/.test(output),
  };
}

/** Waits for `when` (or the end of the load), polling every 20 ms, then kills the process with SIGKILL. */
async function killWhen(run: ReturnType<typeof startFirst>, when: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 180_000;
  let gone = false;
  void run.exited.then(() => {
    gone = true;
  });
  for (;;) {
    if (gone) throw new Error(`the first start exited by itself before ${what}:\n${run.output()}`);
    if (run.loaded() || (await when())) break;
    if (Date.now() > deadline) {
      run.child.kill("SIGKILL");
      throw new Error(`the first start did not reach ${what} within 180 s:\n${run.output()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  run.child.kill("SIGKILL");
  await run.exited;
}

interface KillOutcome {
  what: string;
  /** Seasons whole in the database after the kill (-1: killed before the migrations made bot_state). */
  seasons: number;
  /** From the spawn to the kill. */
  ms: number;
  /** After the kill (null: not migrated yet) and after the start that followed. */
  before: Awaited<ReturnType<typeof markers>> | null;
  after: Awaited<ReturnType<typeof markers>>;
}

/**
 * A first start on a new empty database, killed at `when`; the database is checked to hold only whole seasons, then
 * the bot starts again as usual, connects, stops, and the database must hold every season whole.
 */
async function killFirstStartThenStart(
  when: (database: EmptyDatabase) => () => Promise<boolean>,
  what: string,
  afterRestart?: (bot: BotChild, seasonsAfterKill: number) => Promise<void>,
): Promise<KillOutcome> {
  const database = await emptyDatabase();
  const startedAt = Date.now();
  const run = startFirst(database.env);
  await killWhen(run, when(database), what);
  const ms = Date.now() - startedAt;

  // All or nothing per season: each season in the database is whole and has its file's hash, and nothing else is.
  const [afterKill, before] = await database.read(async (db) => {
    const held = await holdings(db);
    return [held, held ? await markers(db) : null] as const;
  });
  let seasons = -1;
  if (afterKill) {
    const present = files.filter((f) => afterKill.has(seedKey(f.season.franchise, f.season.season)));
    expect(new Map([...afterKill].sort()), `after the kill ${what} (${ms} ms)`).toEqual(
      new Map(present.map((f) => [seedKey(f.season.franchise, f.season.season), expected(f)] as const).sort()),
    );
    seasons = present.length;
  }

  const bot = await spawnBot(discord, { ...database.env, DEV_GUILD_ID: guild.id });
  try {
    await afterRestart?.(bot, seasons);
  } finally {
    await stopBot(bot);
  }
  const [afterRestartHeld, after] = await database.read(async (db) => [await holdings(db), await markers(db)] as const);
  expect(afterRestartHeld && new Map([...afterRestartHeld].sort()), `after the start that followed (${what})`).toEqual(
    new Map(files.map((f) => [seedKey(f.season.franchise, f.season.season), expected(f)] as const).sort()),
  );
  // Processes watching the show data learn that it changed.
  expect(after.version).not.toBeNull();
  const outcome = { what, seasons, ms, before, after };
  outcomes.push(outcome);
  return outcome;
}

const midLoad = (o: KillOutcome) => o.seasons > 0 && o.seasons < files.length;
const outcomes: KillOutcome[] = [];
/** PGlite: the delay after its database appeared at which a kill found some seasons loaded, not all. */
let midLoadDelay: number | undefined;

/** PGlite: a condition true `ms` after the bot's embedded database appeared (it cannot be read while the bot runs). */
function afterAppearing(ms: number) {
  return (db: EmptyDatabase) => {
    let appearedAt: number | undefined;
    return async () => {
      if (appearedAt === undefined && (await db.appeared())) appearedAt = Date.now();
      return appearedAt !== undefined && Date.now() - appearedAt >= ms;
    };
  };
}

/** Asked through the local Discord: seasons from both ends of the load answer with their records. */
async function answersEverySeason(bot: BotChild): Promise<void> {
  await discord.waitForCommands(["season", "leaderboard"], { guildId: guild.id, timeoutMs: 60_000 });
  const season = await replyTo(discord, { name: "season", options: { number: 12 }, guildId: guild.id }, 100);
  expect(season.content ?? "").not.toMatch(/There is no season/);
  expect(season.embeds[0]?.title).toBe("Season 12");
  const board = await replyTo(discord, { name: "leaderboard", options: { season: 35 }, guildId: guild.id }, 100);
  expect(board.content ?? "").not.toMatch(/There is no season/);
  expect(board.embeds[0]?.title).toMatch(/^Season 35\b/);
  expect(bot.child.exitCode).toBeNull();
}

describe(`a first start killed while it loads the seasons (${engine})`, () => {
  test("GIVEN an empty database WHEN the first start is killed as its database appears THEN the next start loads every season whole", {
    timeout: 400_000,
  }, async () => {
    const outcome = await killFirstStartThenStart((db) => db.appeared, "as its database appeared");
    expect(outcome.seasons).toBeLessThan(files.length);
  });

  test("GIVEN an empty database WHEN the first start is killed with some seasons loaded and not all THEN each loaded season is whole, and the next start completes the rest and answers /season number:12 and /leaderboard season:35", {
    timeout: 900_000,
  }, async () => {
    if (testDatabaseUrl) {
      // On PostgreSQL the load is watched from another connection: killed once three seasons are recorded.
      const outcome = await killFirstStartThenStart(
        (db) => async () => ((await db.seedCount?.()) ?? 0) >= 3,
        "with 3 seasons recorded",
        answersEverySeason,
      );
      expect(midLoad(outcome), `killed with ${outcome.seasons} of ${files.length} seasons`).toBe(true);
      return;
    }
    // The embedded database cannot be read while the bot holds it: the kill is timed from its database appearing,
    // and the delay is searched (too early: later; too late: earlier) until a kill leaves some seasons, not all.
    let lo = 0;
    let hi = Number.POSITIVE_INFINITY;
    let delay = 1500;
    const tried: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const wait = delay;
      const outcome = await killFirstStartThenStart(
        afterAppearing(wait),
        `${wait} ms after its database appeared`,
        async (bot, seasons) => {
          if (seasons > 0 && seasons < files.length) await answersEverySeason(bot);
        },
      );
      tried.push(`${wait} ms: ${outcome.seasons}`);
      if (midLoad(outcome)) {
        midLoadDelay = wait;
        return;
      }
      if (outcome.seasons < 1) lo = wait;
      else hi = wait;
      delay = Number.isFinite(hi) ? Math.round((lo + hi) / 2) : wait * 2;
    }
    throw new Error(`no kill landed mid-load (delay: seasons whole after the kill): ${tried.join(", ")}`);
  });

  test("GIVEN an empty database WHEN the first start is killed late in its load THEN the next start loads the rest", {
    timeout: 400_000,
  }, async () => {
    if (testDatabaseUrl) {
      await killFirstStartThenStart(
        (db) => async () => ((await db.seedCount?.()) ?? 0) >= files.length - 2,
        `with ${files.length - 2} seasons recorded`,
      );
      return;
    }
    // Twice the delay that found the load half way (or done, if the load was over by then: it holds either way).
    const wait = 2 * (midLoadDelay ?? 2000);
    await killFirstStartThenStart(afterAppearing(wait), `${wait} ms after its database appeared`);
  });

  test("GIVEN an empty database WHEN the first start is killed once it has logged its load as done THEN the next start finds every season and loads none again", {
    timeout: 400_000,
  }, async () => {
    const outcome = await killFirstStartThenStart(() => async () => false, "once its load was logged as done");
    expect(outcome.seasons).toBe(files.length);
    // Nothing loaded again: the show-data version the first start recorded stands, and no release was audited.
    expect(outcome.before?.version).not.toBeNull();
    expect(outcome.after).toEqual(outcome.before);
    expect(outcome.after.audited).toBe(0);
  });

  test("THEN at least one kill landed mid-load", () => {
    console.info(
      outcomes
        .map(
          (o) => `killed ${o.what} at ${o.ms} ms: ${o.seasons} seasons whole; ${o.after.audited} audit entries after`,
        )
        .join("\n"),
    );
    expect(outcomes.some(midLoad), JSON.stringify(outcomes)).toBe(true);
  });
});
