/**
 * The league clock and the league messages: missed clocks get their automatic pick, live leagues follow the recorded
 * results, and every league under way re-scores when the show's records change. Each piece of work is claimed in SQL
 * (a turn moves once, a version is claimed once), so every bot process can run the job.
 */

import type { Database } from "../db/client.js";
import {
  claimRescores,
  deleteLeague,
  dueClocks,
  forgetScoredVersion,
  getLeague,
  type LeagueRow,
  liveLeagues,
  moveLeagueMessage,
  nextClock,
  setLeagueMessage,
  showDataVersion,
} from "../db/queries/leagues/index.js";
import { type Job, safetyNetMs } from "../jobs/runner.js";
import type { Logger } from "../logger.js";
import { EditCoalescer } from "../polls/coalesce.js";
import { followLiveSeason } from "./lifecycle.js";
import { expireClock, loadLeague, rescore } from "./service.js";
import type { LeagueState } from "./state.js";

/**
 * A league's live message in Discord. The runtime says when it changed; the bot's implementation
 * (src/commands/league/board.ts) draws it and sends it.
 */
export interface LeagueBoard {
  /** Posts the league's message in `channelId`; resolves to the message id. */
  post(channelId: string, state: LeagueState): Promise<string>;
  /** Redraws the league's message as it stands. */
  redraw(channelId: string, messageId: string, state: LeagueState): Promise<void>;
  /** A message the league moved away from keeps its text and loses its controls. */
  retire(channelId: string, messageId: string, state: LeagueState): Promise<void>;
}

export class LeagueRuntime {
  /** Join-list redraws, at most one per league every 2 s, so a crowd joining at once stays inside Discord's edit limit. */
  private readonly joinRedraws: EditCoalescer<number>;

  constructor(
    private readonly db: Database,
    private readonly board: LeagueBoard,
    private readonly logger: Logger,
    /** The safety net under the wake-ups (a league's clock or status changed, the show data moved). */
    private readonly everyMs = safetyNetMs,
  ) {
    this.joinRedraws = new EditCoalescer<number>(async (leagueId) => {
      await this.redraw(leagueId);
      return undefined;
    }, 2_000);
  }

  /** Joins landed out of order: the join list is redrawn soon, together with any other joins of the moment. */
  joinListChanged(leagueId: number): void {
    this.joinRedraws.touch(leagueId);
  }

  async stop(): Promise<void> {
    await this.joinRedraws.stop();
  }

  /**
   * Run by the bot's job runner in every process: the league clock sleeps until the next turn's time runs out; the
   * records job follows the show's results. Both wake when a league's clock or status changes, the records job also
   * when the show data's version moves.
   */
  jobs(): Job[] {
    return [
      {
        name: "league clock",
        everyMs: this.everyMs,
        wakeOn: ["leagues"],
        run: async () => {
          await this.expireClocks();
          return nextClock(this.db);
        },
      },
      {
        name: "league records",
        everyMs: this.everyMs,
        wakeOn: ["leagues", "bot_state"],
        run: () => this.followRecords(),
      },
    ];
  }

  /** Posts a new league's message; a league whose message cannot be sent is dropped. */
  async publish(league: LeagueRow): Promise<string> {
    try {
      const state = await loadLeague(this.db, league.id);
      if (!state) throw new Error("league vanished before its message was sent");
      const messageId = await this.board.post(league.channelId, state);
      await setLeagueMessage(this.db, league.id, messageId);
      return messageId;
    } catch (error) {
      await deleteLeague(this.db, league.id);
      throw error;
    }
  }

  /**
   * Posts the league's message again in `channelId` (the old one was deleted, or scrolled far away); the old message
   * loses its controls, and clicks on it are refused as foreign from then on.
   */
  async repost(leagueId: number, channelId: string): Promise<void> {
    const state = await loadLeague(this.db, leagueId);
    if (!state) return;
    const messageId = await this.board.post(channelId, state);
    await moveLeagueMessage(this.db, leagueId, channelId, messageId);
    const old = state.league.messageId;
    if (old) {
      await this.board
        .retire(state.league.channelId, old, state)
        .catch((error: unknown) => this.logger.info({ err: error, leagueId }, "the old league message is gone"));
    }
  }

  /**
   * Redraws a league's message from the database (after the clock, a release or waivers opening). A message that is
   * gone or cannot be edited is logged, never thrown: what was stored stands, and /league draft still shows it.
   */
  async redraw(leagueId: number): Promise<void> {
    try {
      const state = await loadLeague(this.db, leagueId);
      if (!state?.league.messageId) return;
      await this.board.redraw(state.league.channelId, state.league.messageId, state);
    } catch (error) {
      this.logger.warn({ err: error, leagueId }, "could not redraw a league message");
    }
  }

  /** Missed clocks get their automatic turn; one league's failure is logged and leaves the others to run. */
  private async expireClocks(): Promise<void> {
    for (const due of await dueClocks(this.db)) {
      await this.guarded(due.id, "automatic turn", async () => {
        if (!(await expireClock(this.db, due.id, due.turn))) return;
        this.logger.info({ leagueId: due.id, turn: due.turn }, "league clock ran out; automatic turn stored");
        await this.redraw(due.id);
      });
    }
  }

  /** Live leagues follow the recorded results, and every league under way re-scores when the records changed. */
  private async followRecords(): Promise<void> {
    for (const league of await liveLeagues(this.db)) {
      await this.guarded(league.id, "following the live season", async () => {
        // Several nights may have completed since the last run (the season feed applying a backlog): catch up, one
        // week at a time, until the league waits (waivers open, or the season's records stop).
        let row: LeagueRow | null = league;
        let moved = false;
        while (row && (await followLiveSeason(this.db, row))) {
          moved = true;
          row = await getLeague(this.db, league.id);
        }
        if (moved) await this.redraw(league.id);
      });
    }
    const version = await showDataVersion(this.db);
    for (const leagueId of await claimRescores(this.db, version)) {
      await this.guarded(leagueId, "re-scoring", async () => {
        try {
          const appended = await rescore(this.db, leagueId);
          if (appended > 0) this.logger.info({ leagueId, appended }, "league re-scored after the records changed");
        } catch (error) {
          // Unclaimed again, so the next pass (in any process) retries it.
          await forgetScoredVersion(this.db, leagueId);
          throw error;
        }
      });
    }
  }

  private async guarded(leagueId: number, what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error({ err: error, leagueId }, `league job failed at ${what}`);
    }
  }
}
