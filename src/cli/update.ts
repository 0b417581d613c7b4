import { userInfo } from "node:os";
import { announceChange, queueNightPosts } from "../admin/live.js";
import { loadConfig } from "../config.js";
import { openDatabase } from "../db/client.js";
import { latestSeasonNumber } from "../db/queries/seasons.js";
import { UserError } from "../errors.js";
import { articleTitle, MediaWikiClient, userAgent } from "../feed/mediawiki.js";
import { applyFeedChange, checkArticle, rememberRevid } from "../feed/update.js";
import { logger } from "../logger.js";
import { packageVersion } from "../paths.js";

/**
 * `npm run data:update [-- --season 35] [--apply]`: reads the season's Wikipedia article once (WIKIPEDIA_API_URL),
 * prints what its latest revision would change, and applies it with --apply through the owners' path (audited with
 * the revision; running bots pick it up within seconds). A change that looks like vandalism or a mistake is printed
 * with its reasons and never applied from here. Exit code 0: applied or nothing to do; 2: held; 1: failed.
 */
const args = process.argv.slice(2);
const apply = args.includes("--apply");
const seasonArg = args.indexOf("--season");
const config = loadConfig();
const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
try {
  await database.migrate();
  const season = seasonArg >= 0 ? Number(args[seasonArg + 1]) : await latestSeasonNumber(database.db);
  if (season === null || !Number.isInteger(season)) throw new UserError("Give a season: --season 35");
  const title = articleTitle(season, config.WIKIPEDIA_TITLES);
  const client = new MediaWikiClient({
    apiUrl: config.WIKIPEDIA_API_URL,
    userAgent: userAgent(packageVersion(), config.WIKIPEDIA_CONTACT),
    timeoutMs: config.WIKIPEDIA_TIMEOUT_MS,
  });
  const check = await checkArticle(database.db, client, {
    season,
    title,
    apiUrl: config.WIKIPEDIA_API_URL,
    knownRevid: null,
  });
  const say = (text: string) => process.stdout.write(`${text}\n`);
  switch (check.kind) {
    case "missing":
      throw new UserError(`Wikipedia has no article "${title}" (set WIKIPEDIA_TITLES if it was renamed).`);
    case "unavailable":
      throw new UserError(
        `Wikipedia did not answer (${check.reason}); try again in ${Math.ceil(check.retryAfterMs / 1000)} s.`,
      );
    case "unchanged":
    case "no-news":
      say(`Season ${season}: revision ${check.revid} changes nothing recorded.`);
      if (apply) await rememberRevid(database.db, season, check.revid);
      break;
    case "changes": {
      const { change } = check;
      say(`Season ${season} from Wikipedia revision ${change.revid} (${change.link}):`);
      for (const line of change.changes) say(`  ${line}`);
      if (change.holds.length > 0) {
        say("Held for an owner, not applied:");
        for (const reason of change.holds) say(`  ⚠ ${reason}`);
        process.exitCode = 2;
        break;
      }
      if (!apply) {
        say("Nothing applied: run again with --apply to apply it.");
        break;
      }
      const outcome = await applyFeedChange(database.db, change, `cli:${userInfo().username}`);
      await rememberRevid(database.db, season, change.revid);
      await announceChange(database.db);
      await queueNightPosts(database.db, outcome);
      say(`Applied as revision ${outcome.revision}.`);
    }
  }
} catch (error) {
  if (error instanceof UserError) process.stderr.write(`${error.message}\n`);
  else logger.fatal({ err: error }, "update failed");
  process.exitCode = 1;
} finally {
  await database.close();
}
