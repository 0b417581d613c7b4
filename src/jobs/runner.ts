import type { Logger } from "../logger.js";

/**
 * Background work that runs on a timer in every bot process: poll deadlines, weekly polls, the live season's refresh,
 * the night's leaderboard posts. Each run claims its work in SQL first (a conditional UPDATE, SKIP LOCKED or a
 * lease), so with several processes on one database each piece of work happens once.
 */
export interface Job {
  /** Shown in logs. */
  name: string;
  /**
   * The longest pause between the end of one run and the start of the next. A job that says when its next work is
   * due, and what wakes it, can make this a slow safety net instead of a poll.
   */
  everyMs: number;
  /**
   * Topics (the tables whose changes the database announces, see src/db/notify.ts) that can bring this job's next
   * work closer: a wake on one of them runs the job at once, in every process.
   */
  wakeOn?: readonly string[];
  /** Does the work that is due; may resolve with when the next work is due (sooner than `everyMs`), if it knows. */
  run(now: Date): Promise<Date | null | undefined> | Promise<void>;
}

/** The `everyMs` of a job that sleeps until its next work and is woken by its topics: only a safety net. */
export const safetyNetMs = 15_000;

/** The shortest pause the runner keeps between two runs of one job, even when its next work looks due already. */
const minPauseMs = 250;

/**
 * Runs each job on its own timer, never overlapping itself; a failed run is logged and retried after `everyMs`. A job
 * that knows when its next work is due sleeps until then, and wakes early when its topic changes.
 */
export class JobRunner {
  private readonly timers = new Map<string, { timer: NodeJS.Timeout; at: number }>();
  private readonly running = new Map<string, Promise<number>>();
  private stopped = true;

  constructor(
    private readonly jobs: readonly Job[],
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    for (const job of this.jobs) this.arm(job, 0);
  }

  /** Stops every timer and waits for the runs in progress, so nothing touches the database or Discord afterwards. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.all(this.running.values());
  }

  /** Runs one job now (or every job), waiting for a run already in progress first; for tests and tools. */
  async runNow(name?: string, now = this.clock()): Promise<void> {
    for (const job of this.jobs.filter((j) => name === undefined || j.name === name)) {
      await this.running.get(job.name);
      await this.runOnce(job, now);
    }
  }

  /** Something `topic` names changed (or, with no topic, anything may have): the jobs that care run at once. */
  wake(topic?: string): void {
    for (const job of this.jobs) {
      if (topic !== undefined && !job.wakeOn?.includes(topic)) continue;
      // A run in progress may have read before the change landed: the job runs once more when it ends.
      const running = this.running.get(job.name);
      if (running) void running.then(() => this.arm(job, 0));
      else this.arm(job, 0);
    }
  }

  /** Arms `job` to run in `ms`, unless it is already armed to run sooner. */
  private arm(job: Job, ms: number): void {
    if (this.stopped) return;
    // Timers keep real time, so the comparison does too (the playground moves Date.now() on).
    const at = performance.now() + ms;
    const armed = this.timers.get(job.name);
    if (armed && armed.at <= at) return;
    if (armed) clearTimeout(armed.timer);
    const timer = setTimeout(() => {
      this.timers.delete(job.name);
      void this.runOnce(job, this.clock()).then((pause) => this.arm(job, pause));
    }, ms);
    timer.unref();
    this.timers.set(job.name, { timer, at });
  }

  /** One run; resolves with the pause before the next (never rejects: a failed run waits `everyMs`). */
  private runOnce(job: Job, now: Date): Promise<number> {
    const existing = this.running.get(job.name);
    if (existing) return existing;
    const run = job
      .run(now)
      .then((next) =>
        next ? Math.min(job.everyMs, Math.max(minPauseMs, next.getTime() - this.clock().getTime())) : job.everyMs,
      )
      .catch((error: unknown) => {
        this.logger.error({ err: error, job: job.name }, "background job failed; retrying");
        return job.everyMs;
      })
      .finally(() => this.running.delete(job.name));
    this.running.set(job.name, run);
    return run;
  }
}
