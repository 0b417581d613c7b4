import { pino } from "pino";
import { afterEach, describe, expect, test } from "vitest";
import { type Job, JobRunner } from "../../src/jobs/runner.js";

const logger = pino({ level: "silent" });
/** Long enough that a test passing cannot have waited for it. */
const hour = 3_600_000;

/** A job whose runs are counted; `nextRun(n)` resolves at the start of its n-th run. */
function countedJob(overrides: Partial<Job> & { next?: (run: number) => Date | undefined } = {}) {
  let runs = 0;
  const waiting = new Map<number, () => void>();
  let release: (() => void) | undefined;
  const job: Job = {
    name: "counted",
    everyMs: hour,
    ...overrides,
    async run() {
      runs += 1;
      waiting.get(runs)?.();
      if (held) await new Promise<void>((resolve) => (release = resolve));
      return overrides.next?.(runs);
    },
  };
  let held = false;
  return {
    job,
    runs: () => runs,
    nextRun: (n: number) => (runs >= n ? Promise.resolve() : new Promise<void>((r) => waiting.set(n, r))),
    hold: () => (held = true),
    letGo: () => {
      held = false;
      release?.();
    },
  };
}

let runner: JobRunner | undefined;
afterEach(async () => runner?.stop());

describe("JobRunner", () => {
  test("GIVEN a job that says when its next work is due WHEN that time comes THEN it runs then, long before its everyMs", async () => {
    const counted = countedJob({ next: (run) => (run === 1 ? new Date(Date.now() + 50) : undefined) });
    runner = new JobRunner([counted.job], logger);
    runner.start();
    await counted.nextRun(2);
    expect(counted.runs()).toBe(2);
  });

  test("GIVEN a job asleep for an hour WHEN its topic changes THEN it runs at once, and another topic does not wake it", async () => {
    const counted = countedJob({ wakeOn: ["polls"] });
    runner = new JobRunner([counted.job], logger);
    runner.start();
    await counted.nextRun(1);
    runner.wake("leagues");
    // A wake runs the job from a 0 ms timer: one that had woken it would have run within this pause.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counted.runs()).toBe(1);
    runner.wake("polls");
    await counted.nextRun(2);
    expect(counted.runs()).toBe(2);
  });

  test("GIVEN a job in the middle of a run WHEN its topic changes THEN it runs once more after that run, however many wakes came", async () => {
    const counted = countedJob({ wakeOn: ["polls"] });
    counted.hold();
    runner = new JobRunner([counted.job], logger);
    runner.start();
    await counted.nextRun(1);
    runner.wake("polls");
    runner.wake("polls");
    runner.wake();
    counted.letGo();
    await counted.nextRun(2);
    await runner.runNow("counted");
    expect(counted.runs()).toBe(3);
  });

  test("GIVEN a next due time already past WHEN the job runs THEN it pauses a little instead of spinning", async () => {
    const started: number[] = [];
    const counted = countedJob({
      next: (run) => {
        started.push(Date.now());
        return run < 3 ? new Date(0) : undefined;
      },
    });
    runner = new JobRunner([counted.job], logger);
    runner.start();
    await counted.nextRun(3);
    expect((started[1] ?? Number.NaN) - (started[0] ?? Number.NaN)).toBeGreaterThanOrEqual(200);
  });

  test("GIVEN a job that fails WHEN it runs THEN the failure is logged with the job's name and the next run still happens", async () => {
    let runs = 0;
    const lines: string[] = [];
    const logged = pino({ level: "error" }, { write: (line: string) => lines.push(line) });
    runner = new JobRunner(
      [
        {
          name: "failing",
          everyMs: hour,
          wakeOn: ["polls"],
          async run() {
            runs += 1;
            throw new Error("boom");
          },
        },
      ],
      logged,
    );
    await runner.runNow("failing");
    await runner.runNow("failing");
    expect(runs).toBe(2);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ job: "failing", msg: "background job failed; retrying" }),
      expect.objectContaining({ job: "failing", msg: "background job failed; retrying" }),
    ]);
  });
});
