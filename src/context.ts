/**
 * The bot's context: what every handler gets, assembled once by startBot (src/bot.ts) from the domain's services.
 * Nothing global: the database, the in-memory name indexes (couples, pros, judges, styles) and the services.
 */
import type { LiveSync } from "./admin/live.js";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import type { SeasonFeed } from "./feed/job.js";
import type { LeagueRuntime } from "./leagues/runtime.js";
import type { Logger } from "./logger.js";
import type { LookupIndexes } from "./lookups/indexes.js";
import type { PollService } from "./polls/service.js";

export interface BotContext extends LookupIndexes {
  db: Database;
  logger: Logger;
  config: Config;
  /** Publishing, voting, closing polls (with the coalesced live tally). */
  polls: PollService;
  /** Spreads the owners' season changes: fresh indexes in every process, the night's leaderboard posts. */
  live: LiveSync;
  /** League messages and the league clock. */
  leagues: LeagueRuntime;
  /** The season's Wikipedia article: its change sets to apply or skip; undefined when the feed is off. */
  feed: SeasonFeed | undefined;
}
