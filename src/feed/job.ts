/**
 * The season feed as a background job: at the cadence the season's record calls for (schedule.ts), one process
 * claims the look in SQL and reads the article; a revision that changes the season becomes a change set. In `review`
 * the owners get it in their channel with Apply and Skip; in `auto` it is applied at once unless something in it
 * must wait for an owner, which is then posted for review with its reasons. Applying, by a press or by itself, goes
 * through the owners' path and tells every process (LISTEN/NOTIFY), so the show-night loop (results, re-scored polls
 * and leagues, reminders) follows without anyone typing scores.
 */
import type { LiveSync } from "../admin/live.js";
import { type ChangeOutcome, currentSeason } from "../admin/seasons.js";
import type { Database } from "../db/client.js";
import {
  addFeedChange,
  claimFeedLook,
  decideFeedChange,
  type FeedChangeRow,
  getFeedChange,
  setFeedDue,
  setFeedMessage,
  supersedeWaiting,
} from "../db/queries/feed.js";
import { latestSeasonNumber } from "../db/queries/seasons.js";
import { UserError } from "../errors.js";
import type { Job } from "../jobs/runner.js";
import type { Logger } from "../logger.js";
import { articleTitle, type MediaWikiClient } from "./mediawiki.js";
import { nextLook } from "./schedule.js";
import { applyFeedChange, checkArticle, type FeedCheck, forgetRevid, lastRevid, rememberRevid } from "./update.js";

/**
 * The owners' channel in Discord. The feed says what happened; the bot's implementation
 * (src/commands/admin/feedBoard.ts) draws it and sends it.
 */
export interface FeedBoard {
  /** Posts a change set to Apply or Skip; resolves to the message id, or null when there is no owners' channel. */
  review(change: FeedChangeRow): Promise<string | null>;
  /** Tells the owners a change set was applied by itself (`auto`). */
  applied(change: FeedChangeRow, outcome: ChangeOutcome): Promise<void>;
  /** A change set a newer revision replaced: its message keeps its text and loses its buttons. */
  superseded(change: FeedChangeRow): Promise<void>;
}

export interface SeasonFeedOptions {
  mode: "review" | "auto";
  apiUrl: string;
  titles: Map<number, string>;
}

/** Who an automatic change is recorded as in the audit log. */
export const feedUser = "wikipedia-feed";

export class SeasonFeed {
  constructor(
    private readonly db: Database,
    private readonly client: MediaWikiClient,
    private readonly board: FeedBoard,
    private readonly live: Pick<LiveSync, "changed">,
    private readonly logger: Logger,
    private readonly options: SeasonFeedOptions,
  ) {}

  /** The background job: sleeps until the next look is due (or the safety net), in every process; one looks. */
  job(): Job {
    return { name: "season feed", everyMs: 60 * 60_000, run: (now) => this.tick(now) };
  }

  /** The newest season's look, if due and claimed here; resolves to when the next one is due. */
  async tick(now: Date): Promise<Date | null> {
    const season = await latestSeasonNumber(this.db);
    if (season === null) return null;
    const current = await currentSeason(this.db, season);
    if (!current) return null;
    const next = nextLook(current.document, now);
    if (!next) return null;
    if (!(await claimFeedLook(this.db, season, now, next))) return next;
    const check = await this.look(season);
    if (check.kind === "unavailable") {
      const retry = new Date(now.getTime() + check.retryAfterMs);
      await setFeedDue(this.db, season, retry);
      this.logger.info({ season, reason: check.reason, retryAt: retry }, "Wikipedia did not answer; the feed waits");
      return retry;
    }
    return next;
  }

  /** One look at the season's article, and what follows from it (a change set posted or applied). */
  async look(season: number): Promise<FeedCheck> {
    const title = articleTitle(season, this.options.titles);
    const check = await checkArticle(this.db, this.client, {
      season,
      title,
      apiUrl: this.options.apiUrl,
      knownRevid: await lastRevid(this.db, season),
    });
    if (check.kind === "missing") this.logger.warn({ season, title }, "no Wikipedia article for the season");
    if (check.kind === "no-news") {
      await rememberRevid(this.db, season, check.revid);
      // The article says again what is recorded (vandalism reverted): whatever waited is moot.
      for (const old of await supersedeWaiting(this.db, season)) {
        await this.quietly(() => this.board.superseded(old), old.id, "retire");
      }
    }
    if (check.kind !== "changes") return check;
    const { change } = check;
    const { row, superseded } = await addFeedChange(this.db, change);
    await rememberRevid(this.db, season, change.revid);
    for (const old of superseded) await this.quietly(() => this.board.superseded(old), old.id, "retire");
    this.logger.info(
      { season, revid: change.revid, changes: change.changes.length, holds: change.holds.length },
      "the season's article changed",
    );
    if (this.options.mode === "auto" && change.holds.length === 0) {
      const outcome = await this.apply(row.id, feedUser);
      await this.quietly(() => this.board.applied(row, outcome), row.id, "announce");
      return check;
    }
    await this.quietly(
      async () => {
        const messageId = await this.board.review(row);
        if (messageId) await setFeedMessage(this.db, row.id, messageId);
      },
      row.id,
      "post for review",
    );
    return check;
  }

  /** Applies a waiting change set once, whoever asks and however many processes run; every process is told. */
  async apply(id: number, userId: string): Promise<ChangeOutcome> {
    const row = await getFeedChange(this.db, id);
    if (!row) throw new UserError("That change is no longer known; the feed will show the article's next change.");
    if (((await currentSeason(this.db, row.season))?.revision ?? 0) !== row.baseRevision) {
      // Someone recorded something since it was read: read the article again rather than apply a stale document.
      if (await decideFeedChange(this.db, { id, status: "superseded", userId })) {
        await forgetRevid(this.db, row.season);
        throw new UserError(
          `Season ${row.season} changed since Wikipedia revision ${row.revid} was read, so this change is out of date: the feed reads the article again on its next look and shows what is left.`,
        );
      }
    }
    const outcome = await applyFeedChange(this.db, row, userId, {
      run: async (tx) => (await decideFeedChange(tx, { id, status: "applied", userId })) !== null,
      refused: "That change was already applied, skipped, or replaced by a newer revision of the article.",
    });
    await this.live.changed(outcome);
    this.logger.info({ season: row.season, revid: row.revid, userId }, "the article's change applied");
    return outcome;
  }

  /** Skips a waiting change set; null when someone already decided it. */
  skip(id: number, userId: string): Promise<FeedChangeRow | null> {
    return decideFeedChange(this.db, { id, status: "skipped", userId });
  }

  private async quietly(work: () => Promise<void>, id: number, what: string): Promise<void> {
    try {
      await work();
    } catch (error) {
      // The change set is stored either way; the owners' channel only missed a message.
      this.logger.warn({ err: error, feedChange: id }, `could not ${what} the article's change`);
    }
  }
}
