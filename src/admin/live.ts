import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { listen } from "../db/notify.js";
import { getBotState, setBotState } from "../db/queries/botState.js";
import { listResultsChannels } from "../db/queries/guilds.js";
import { claimDueNightPosts, markNightPosted, nextNightPostDue, queueNightPost } from "../db/queries/nightPosts.js";
import { latestSeasonNumber } from "../db/queries/seasons.js";
import { type Job, safetyNetMs } from "../jobs/runner.js";
import type { Logger } from "../logger.js";
import { type LookupIndexes, refreshIndexes } from "../lookups/indexes.js";
import { getLeaderboard, type Leaderboard } from "../lookups/leaderboard.js";
import { airInstant } from "../lookups/spoilers.js";
import { forgetSeasons } from "../seasons/store.js";
import type { ChangeOutcome } from "./seasons.js";

const versionKey = "live:indexes";

/**
 * Posts a night's leaderboard in a server's results channel, resolving to the message id. The bot's implementation
 * (src/commands/leaderboard/nightPost.ts) draws it.
 */
export type NightPoster = (channelId: string, board: Leaderboard) => Promise<string>;
/** NOTIFY channel carrying the new data version to every bot process. */
export const changesChannel = "mirrorball_season_data";

/**
 * Makes an owner's change reach every server at once: this process's name indexes are rebuilt at once, other
 * processes see the shared version move and rebuild theirs on their next tick, and the night's leaderboard is queued
 * for each server's results channel (held back while that server's spoiler guard covers the night).
 */
export class LiveSync {
  private seen: string | null = null;
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly db: Database,
    private readonly indexes: LookupIndexes,
    private readonly postNight: NightPoster,
    private readonly logger: Logger,
    private readonly intervalMs = 5000,
  ) {}

  /** Reads the shared version, so the first refresh only rebuilds when something changed since start-up. */
  async start(): Promise<void> {
    this.seen = await this.currentVersion();
    // Another process's change reaches this one within milliseconds; the refresh job only backs it up.
    this.unlisten = await listen(
      this.db,
      changesChannel,
      (version) =>
        void this.adopt(version).catch((error: unknown) =>
          this.logger.error(
            { err: error },
            "could not rebuild after another process's change; retrying on the next tick",
          ),
        ),
      () => forgetSeasons(this.db),
    ).catch((error: unknown) => {
      this.logger.warn({ err: error }, "no change notifications; other processes' edits show within 5 s");
      return undefined;
    });
  }

  /** Stops listening for other processes' changes. */
  async stop(): Promise<void> {
    await this.unlisten?.().catch(() => {});
    this.unlisten = undefined;
  }

  /** The background jobs: rebuild the indexes when another process changed a season; post the due leaderboards. */
  jobs(): Job[] {
    return [
      { name: "live season refresh", everyMs: this.intervalMs, run: () => this.refresh() },
      {
        name: "night posts",
        // Sleeps until the next held-back post is due; a post queued in any process wakes it.
        everyMs: safetyNetMs,
        wakeOn: ["night_posts"],
        run: async (now) => {
          await this.postDue(now);
          return nextNightPostDue(this.db);
        },
      },
    ];
  }

  /** After a change in this process: indexes now, then the version other processes watch, then the posts. */
  async changed(outcome: ChangeOutcome, now = new Date()): Promise<void> {
    forgetSeasons(this.db);
    await refreshIndexes(this.db, this.indexes);
    this.seen = await announceChange(this.db);
    await queueNightPosts(this.db, outcome, now);
    await this.postDue(now);
  }

  /** A server changed a setting lookups remember (the spoiler guard): every process forgets what it remembered. */
  async settingsChanged(): Promise<void> {
    forgetSeasons(this.db);
    this.seen = await announceChange(this.db);
  }

  /** Both jobs once, in order (tests). */
  async tick(now = new Date()): Promise<void> {
    await this.refresh();
    await this.postDue(now);
  }

  private async refresh(): Promise<void> {
    await this.adopt(await this.currentVersion());
  }

  /** Another process changed season data: forget what is remembered and rebuild the name indexes. */
  private async adopt(version: string | null): Promise<void> {
    if (version === this.seen) return;
    forgetSeasons(this.db);
    this.seen = version;
    try {
      await refreshIndexes(this.db, this.indexes);
    } catch (error) {
      this.seen = null; // the next refresh tries again
      throw error;
    }
  }

  private async currentVersion(): Promise<string | null> {
    return getBotState(this.db, versionKey);
  }

  private async postDue(now: Date): Promise<void> {
    const due = await claimDueNightPosts(this.db, now);
    if (due.length === 0) return;
    for (const post of due) {
      try {
        const board = await getLeaderboard(this.db, { season: post.season, week: post.week });
        const messageId = await this.postNight(post.channelId, board);
        await markNightPosted(this.db, { guildId: post.guildId, season: post.season, week: post.week, messageId });
      } catch (error) {
        // A deleted channel or a missing permission: that server misses this post, the others still get theirs.
        this.logger.warn(
          { err: error, guildId: post.guildId, channelId: post.channelId },
          "could not post the night's leaderboard",
        );
      }
    }
  }
}

/** Moves the shared version, so every bot process rebuilds its name indexes on its next tick. */
export async function announceChange(db: Database): Promise<string> {
  const version = randomBytes(8).toString("hex");
  await setBotState(db, versionKey, version);
  await db.execute(sql`select pg_notify(${changesChannel}, ${version})`);
  return version;
}

/** Only the airing season's newest night that just became complete: an import of a whole season posts once. */
export async function queueNightPosts(db: Database, outcome: ChangeOutcome, now = new Date()): Promise<void> {
  const week = outcome.completedNights.at(-1);
  if (week === undefined || !outcome.loaded) return;
  if ((await latestSeasonNumber(db)) !== outcome.season) return;
  const airDate = outcome.document.weeks.find((w) => w.week === week)?.airDate ?? null;
  for (const server of await listResultsChannels(db)) {
    const guarded = server.spoilerHours > 0 && airDate;
    const until = guarded ? new Date(airInstant(airDate).getTime() + server.spoilerHours * 3_600_000) : now;
    await queueNightPost(db, {
      guildId: server.guildId,
      channelId: server.channelId,
      season: outcome.season,
      week,
      dueAt: until > now ? until : now,
    });
  }
}
