/**
 * The timer loop: closes polls whose deadline passed, finishes closes another process left half done, and posts
 * the weekly polls. All work is claimed in SQL first, so several bot processes on one database share it safely.
 */

import type { Database } from "../db/client.js";
import {
  advanceSchedule,
  claimUnannounced,
  closeDuePolls,
  dueSchedules,
  hasMirrorballPoll,
  type ScheduleRow,
} from "../db/queries/polls/index.js";
import { UserError } from "../errors.js";
import type { Logger } from "../logger.js";
import { predictionPoll } from "../polls/prediction.js";
import { parseAirTime, scheduleStep } from "../polls/schedule.js";
import type { PollRuntime } from "./pollRuntime.js";

export interface SchedulerOptions {
  /** How often the loop looks for due work (default 1 s). */
  intervalMs?: number;
}

export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly intervalMs: number;

  constructor(
    private readonly db: Database,
    private readonly polls: PollRuntime,
    private readonly logger: Logger,
    options: SchedulerOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1_000;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.arm(0);
  }

  /** Stops the loop and waits for the tick in progress, so nothing touches the database or Discord afterwards. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => this.logger.error({ err: error }, "scheduler tick failed"))
        .finally(() => {
          this.running = undefined;
          this.arm(this.intervalMs);
        });
    }, ms);
  }

  /** One pass over the due work; exported for tests and the benchmark. */
  async tick(): Promise<void> {
    for (const poll of await closeDuePolls(this.db)) {
      if (this.stopped) return;
      await this.polls
        .finish(poll)
        .catch((error: unknown) => this.logger.error({ err: error, pollId: poll.id }, "could not finish a poll"));
    }
    for (const poll of await claimUnannounced(this.db)) {
      if (this.stopped) return;
      await this.polls
        .finish(poll)
        .catch((error: unknown) => this.logger.error({ err: error, pollId: poll.id }, "could not finish a poll"));
    }
    for (const schedule of await dueSchedules(this.db)) {
      if (this.stopped) return;
      await this.runSchedule(schedule).catch((error: unknown) =>
        this.logger.error({ err: error, guildId: schedule.guildId }, "could not post the weekly poll"),
      );
    }
  }

  private async runSchedule(schedule: ScheduleRow): Promise<void> {
    const step = scheduleStep(new Date(), {
      nextAirAt: schedule.nextAirAt,
      leadMinutes: schedule.leadMinutes,
      weekday: schedule.weekday,
      airTime: parseAirTime(schedule.airTime) ?? 0,
      timeZone: schedule.timeZone,
    });
    if (step.action === "wait") return;
    // Only the process that moves the schedule on posts this week's polls.
    if (!(await advanceSchedule(this.db, schedule.guildId, step.airAt, step.next))) return;
    if (step.action === "skip") {
      this.logger.warn({ guildId: schedule.guildId, airAt: step.airAt }, "missed a weekly poll's posting window");
      return;
    }
    await this.postWeek(schedule, step.airAt);
  }

  private async postWeek(schedule: ScheduleRow, airAt: Date): Promise<void> {
    const base = {
      guildId: schedule.guildId,
      channelId: schedule.channelId,
      creatorId: schedule.setBy,
      closesAt: airAt,
      scheduled: true,
    };
    try {
      const elimination = await predictionPoll(this.db, { kind: "elimination", season: schedule.season });
      if (elimination.week === 1 && !(await hasMirrorballPoll(this.db, schedule.guildId, elimination.seasonId ?? 0))) {
        await this.polls.publish({
          ...base,
          ...(await predictionPoll(this.db, { kind: "mirrorball", season: schedule.season })),
        });
      }
      await this.polls.publish({ ...base, ...elimination });
    } catch (error) {
      // A season that is over or not loaded yet: nothing to post this week.
      if (!(error instanceof UserError)) throw error;
      this.logger.info({ guildId: schedule.guildId, reason: error.message }, "no weekly poll to post");
    }
  }
}
