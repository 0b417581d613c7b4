import type { Logger } from "../logger.js";

/**
 * Background work that runs on a timer in every bot process: poll deadlines, weekly polls, the live season's refresh,
 * the night's leaderboard posts. Each run claims its work in SQL first (a conditional UPDATE, SKIP LOCKED or a
 * lease), so with several processes on one database each piece of work happens once.
 */
export interface Job {
  /** Shown in logs. */
  name: string;
  /** The pause between the end of one run and the start of the next. */
  everyMs: number;
  run(now: Date): Promise<void>;
}

/** Runs each job on its own timer; a job never overlaps itself, and a failed run is logged and retried next time. */
export class JobRunner {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
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
    for (const timer of this.timers.values()) clearTimeout(timer);
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

  private arm(job: Job, ms: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      void this.runOnce(job, this.clock()).finally(() => this.arm(job, job.everyMs));
    }, ms);
    timer.unref();
    this.timers.set(job.name, timer);
  }

  private runOnce(job: Job, now: Date): Promise<void> {
    const existing = this.running.get(job.name);
    if (existing) return existing;
    const run = job
      .run(now)
      .catch((error: unknown) => this.logger.error({ err: error, job: job.name }, "background job failed; retrying"))
      .finally(() => this.running.delete(job.name));
    this.running.set(job.name, run);
    return run;
  }
}
