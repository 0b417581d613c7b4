import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { basename, join, resolve } from "node:path";
import { describeChanges } from "../admin/changes.js";
import { announceChange, queueNightPosts } from "../admin/live.js";
import { applyDocument, parseImport } from "../admin/seasons.js";
import { loadConfig } from "../config.js";
import { defaultDataDir } from "../data/loadSeasonFiles.js";
import { openDatabase } from "../db/client.js";
import { getLiveSeason } from "../db/queries/liveSeasons.js";
import { UserError } from "../errors.js";
import { logger } from "../logger.js";

/**
 * `npm run data:import -- season-35.json [--dry-run]`: validates a season file, prints what it would change, then
 * applies it exactly as /admin import does (running bots pick the change up within seconds).
 */
const args = process.argv.slice(2);
const dryRun = args.includes("--dry-run");
const given = args.find((a) => !a.startsWith("--"));
if (!given) {
  process.stderr.write("Give a season file: npm run data:import -- season-35.json [--dry-run]\n");
  process.exit(1);
}
const path = [resolve(given), join(defaultDataDir, given)].find((p) => existsSync(p));
if (!path) {
  process.stderr.write(`There is no file ${given} (looked in the current folder and data/seasons/).\n`);
  process.exit(1);
}

const config = loadConfig();
const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
try {
  await database.migrate();
  const document = parseImport(basename(path), await readFile(path, "utf8"));
  const live = await getLiveSeason(database.db, document.season);
  const changes = describeChanges(live?.document ?? null, document);
  process.stdout.write(
    `${basename(path)} → season ${document.season}:\n${changes.map((c) => `  ${c}`).join("\n") || "  nothing changes"}\n`,
  );
  if (!dryRun && changes.length > 0) {
    const outcome = await applyDocument(database.db, {
      document,
      userId: `cli:${userInfo().username}`,
      action: `import ${basename(path)}`,
    });
    await announceChange(database.db);
    await queueNightPosts(database.db, outcome);
    process.stdout.write(`Applied as revision ${outcome.revision}.\n`);
  }
} catch (error) {
  if (error instanceof UserError) process.stderr.write(`${error.message}\n`);
  else logger.fatal({ err: error }, "import failed");
  process.exitCode = 1;
} finally {
  await database.close();
}
