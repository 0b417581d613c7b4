import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { defaultDataDir, type LoadedSeasonFile, parseSeasonFile, SeasonFileError } from "../data/loadSeasonFiles.js";
import { type Database, type DatabaseHandle, type DatabaseOptions, openDatabase } from "../db/client.js";
import { appendAudit } from "../db/queries/audit.js";
import { setBotState } from "../db/queries/botState.js";
import { lockSeason, withAdvisoryLock } from "../db/queries/locks.js";
import * as t from "../db/schema/index.js";
import type { Logger } from "../logger.js";
import { packageVersion } from "../paths.js";
import { forgetSeasons } from "../seasons/store.js";
import { seedAndScore } from "./index.js";
import { isEmpty, loadedHashes, seedKey } from "./seasons.js";

/**
 * Opens the database, applies the migrations, and brings in the seasons of data/ it does not hold yet: all of them on
 * first start (the installation), and on later starts the files a release added or changed (`bringInRelease`).
 */
export async function prepareDatabase(options: DatabaseOptions, logger: Logger): Promise<DatabaseHandle> {
  const handle = await openDatabase(options);
  const prepare = async () => {
    await handle.migrate();
    await bringInRelease(handle.db, logger);
  };
  // Several processes starting on one PostgreSQL: one migrates and seeds, the others wait and then find it done. (The
  // lock's transaction only holds the lock; the embedded database is one process and one connection, so no lock.)
  if (handle.kind === "postgres") await withAdvisoryLock(handle.db, "mirrorball:prepare-database", prepare);
  else await prepare();
  logger.info({ database: handle.kind }, "database ready");
  return handle;
}

export interface ReleaseOptions {
  /** The release's season files; default: data/seasons, where a file loaded before is hashed but not parsed. */
  files?: LoadedSeasonFile[];
  /** Named in the audit entries; default: the version in package.json. */
  release?: string;
}

export interface ReleaseReport {
  /** The database held no season: the first load, which is the installation and is not audited. */
  installed: boolean;
  /** Seasons brought in: new, or their file changed since it was loaded. */
  loaded: number[];
  /** Seasons whose file differs but the owners run them from Discord: their document is the record, left alone. */
  live: number[];
}

/** The show-data version every bot process watches (src/admin/live.ts) and leagues re-score on. */
const showDataVersionKey = "live:indexes";

/**
 * Brings the seasons of a release's data/ into a database that holds an earlier one: each season whose file is new or
 * changed since it was loaded goes through the loader of every change (`seedAndScore`: couple ids kept, closed polls
 * re-scored) with one entry in the owners' audit log, in one transaction per season. Seasons the owners run from
 * Discord (live_seasons) are never touched. An unchanged database costs one query and the files' hashes.
 */
export async function bringInRelease(
  db: Database,
  logger: Logger,
  options: ReleaseOptions = {},
): Promise<ReleaseReport> {
  const loaded = await loadedHashes(db);
  const changed = options.files?.filter((f) => !loaded.has(f.hash)) ?? (await changedDataFiles(loaded));
  if (changed.length === 0) return { installed: false, loaded: [], live: [] };
  const installing = await isEmpty(db);
  const report: ReleaseReport = { installed: installing, loaded: [], live: [] };

  const release = options.release ?? packageVersion();
  const owned = await db
    .select({ franchise: t.liveSeasons.franchise, season: t.liveSeasons.season })
    .from(t.liveSeasons);
  const live = new Set(owned.map((r) => seedKey(r.franchise, r.season)));
  for (const file of changed) {
    const { franchise, season } = file.season;
    if (live.has(seedKey(franchise, season))) {
      report.live.push(season);
      continue;
    }
    const outcome = await db.transaction(async (tx) => {
      await lockSeason(tx, franchise, season);
      const before = installing ? null : await seasonCounts(tx, franchise, season);
      const seeded = await seedAndScore(tx, { files: [file] });
      // Taken over by the owners, or loaded by another process, since the files were compared.
      if (seeded.loaded.length === 0) return seeded.live.length > 0 ? "live" : "unchanged";
      if (installing) return "loaded";
      const changes = describeRelease(season, release, before, await seasonCounts(tx, franchise, season));
      await appendAudit(tx, {
        userId: "release",
        season,
        revision: 0,
        action: "release",
        summary: changes[0] ?? `Season ${season} from data/`,
        changes,
      });
      return changes;
    });
    if (outcome === "unchanged") continue;
    if (outcome === "live") report.live.push(season);
    else report.loaded.push(season);
    if (Array.isArray(outcome)) logger.info({ season, release, changes: outcome.slice(1) }, outcome[0]);
  }

  if (report.loaded.length > 0) {
    forgetSeasons(db);
    // Processes still running the earlier release rebuild their lookups, and leagues re-score from the new records.
    await setBotState(db, showDataVersionKey, randomBytes(8).toString("hex"));
  }
  if (installing) logger.info({ seasons: report.loaded.length }, "empty database: loaded data/");
  if (report.live.length > 0) {
    logger.info(
      { seasons: report.live },
      "data/ differs for seasons the owners run from Discord: left alone, their document is the record",
    );
  }
  return report;
}

/**
 * The files of data/seasons whose content is not loaded: each file is hashed, and only the new or changed ones are
 * parsed and validated. Two files of one season are refused, as `readSeasonFiles` refuses them.
 */
async function changedDataFiles(loaded: Map<string, string>, dir = defaultDataDir): Promise<LoadedSeasonFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  const texts = await Promise.all(
    names.map(async (name) => ({ file: join(basename(dir), name), text: await readFile(join(dir, name), "utf8") })),
  );
  const fileOf = new Map<string, string>();
  const changed: LoadedSeasonFile[] = [];
  for (const { file, text } of texts) {
    const key = loaded.get(createHash("sha256").update(text).digest("hex"));
    if (key) fileOf.set(key, file);
    else changed.push(parseSeasonFile(file, text));
  }
  for (const f of changed) {
    const key = seedKey(f.season.franchise, f.season.season);
    const other = fileOf.get(key);
    if (other) throw new SeasonFileError(f.file, [`season ${f.season.season} is also in ${other}`]);
    fileOf.set(key, f.file);
  }
  return changed;
}

interface SeasonCounts {
  couples: number;
  weeks: number;
  dances: number;
  scores: number;
}

async function seasonCounts(db: Database, franchise: string, season: number): Promise<SeasonCounts | null> {
  const [row] = await db
    .select({ id: t.seasons.id })
    .from(t.seasons)
    .where(and(eq(t.seasons.franchise, franchise), eq(t.seasons.number, season)));
  if (!row) return null;
  const weekIds = db.select({ id: t.weeks.id }).from(t.weeks).where(eq(t.weeks.seasonId, row.id));
  const danceIds = db
    .select({ id: t.performances.id })
    .from(t.performances)
    .where(inArray(t.performances.weekId, weekIds));
  return {
    couples: await db.$count(t.couples, eq(t.couples.seasonId, row.id)),
    weeks: await db.$count(t.weeks, eq(t.weeks.seasonId, row.id)),
    dances: await db.$count(t.performances, inArray(t.performances.weekId, weekIds)),
    scores: await db.$count(t.judgeScores, inArray(t.judgeScores.performanceId, danceIds)),
  };
}

const countNames: Record<keyof SeasonCounts, string> = {
  couples: "Couples",
  weeks: "Weeks",
  dances: "Dances",
  scores: "Judges' scores",
};

/** The audit entry's lines: what happened first (its summary), then the counts that moved. */
function describeRelease(
  season: number,
  release: string,
  before: SeasonCounts | null,
  after: SeasonCounts | null,
): string[] {
  const keys = Object.keys(countNames) as (keyof SeasonCounts)[];
  if (!before) {
    const now = keys.map((k) => `${after?.[k] ?? 0} ${countNames[k].toLowerCase()}`);
    return [`Season ${season} loaded from data/ (release ${release})`, now.join(", ")];
  }
  const moved = keys.filter((k) => before[k] !== after?.[k]);
  return [
    `Season ${season} updated from data/ (release ${release})`,
    ...(moved.length > 0
      ? moved.map((k) => `${countNames[k]}: ${before[k]} → ${after?.[k] ?? 0}`)
      : ["Same numbers of couples, weeks, dances and judges' scores; details corrected"]),
  ];
}
