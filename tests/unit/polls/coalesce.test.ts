import { describe, expect, test } from "vitest";
import { type CoalescerClock, EditCoalescer } from "../../../src/polls/coalesce.js";

/** A clock the test moves by hand: timers fire only when time is advanced past them. */
class ManualClock implements CoalescerClock {
  time = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private ids = 0;
  now = () => this.time;
  setTimeout = (fn: () => void, ms: number) => {
    const id = ++this.ids;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((t) => t.id !== id);
  };
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = due.at;
      due.fn();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }
    this.time = end;
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
}

describe("edit coalescing", () => {
  test("GIVEN 1000 votes within 10 seconds WHEN coalesced THEN the message is edited at most every 2 s and once after the last vote", async () => {
    const clock = new ManualClock();
    const flushes: number[] = [];
    const coalescer = new EditCoalescer<number>(
      async () => {
        flushes.push(clock.time);
        return undefined;
      },
      2_000,
      undefined,
      clock,
    );
    for (let i = 0; i < 1000; i++) {
      coalescer.touch(7);
      await clock.advance(10);
    }
    await clock.advance(5_000);
    expect(flushes[0]).toBe(0);
    for (let i = 1; i < flushes.length; i++)
      expect((flushes[i] ?? 0) - (flushes[i - 1] ?? 0)).toBeGreaterThanOrEqual(2_000);
    expect(flushes.length).toBeLessThanOrEqual(6);
    expect(flushes.at(-1)).toBeGreaterThanOrEqual(9_990 - 2_000);
    expect(coalescer.pending).toBe(0);
  });

  test("GIVEN two messages WHEN both change THEN each is flushed on its own schedule", async () => {
    const clock = new ManualClock();
    const flushed: string[] = [];
    const coalescer = new EditCoalescer<string>(
      async (key) => {
        flushed.push(key);
        return undefined;
      },
      2_000,
      undefined,
      clock,
    );
    coalescer.touch("a");
    coalescer.touch("b");
    await clock.advance(1);
    expect(flushed.sort()).toEqual(["a", "b"]);
  });

  test("GIVEN another process just edited WHEN the flush says retry later THEN it runs again after that wait", async () => {
    const clock = new ManualClock();
    const flushes: number[] = [];
    let refuse = true;
    const coalescer = new EditCoalescer<number>(
      async () => {
        flushes.push(clock.time);
        if (refuse) {
          refuse = false;
          return { retryInMs: 1_500 };
        }
        return undefined;
      },
      2_000,
      undefined,
      clock,
    );
    coalescer.touch(1);
    await clock.advance(10_000);
    expect(flushes).toEqual([0, 2_000]);
  });

  test("GIVEN a flush fails WHEN the next change comes THEN the error was reported and editing goes on", async () => {
    const clock = new ManualClock();
    const errors: unknown[] = [];
    let calls = 0;
    const coalescer = new EditCoalescer<number>(
      async () => {
        calls++;
        if (calls === 1) throw new Error("Discord said no");
        return undefined;
      },
      2_000,
      (_, error) => errors.push(error),
      clock,
    );
    coalescer.touch(1);
    await clock.advance(10);
    coalescer.touch(1);
    await clock.advance(3_000);
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
  });

  test("GIVEN pending flushes WHEN stopped THEN none runs afterwards", async () => {
    const clock = new ManualClock();
    let calls = 0;
    const coalescer = new EditCoalescer<number>(
      async () => {
        calls++;
        return undefined;
      },
      2_000,
      undefined,
      clock,
    );
    coalescer.touch(1);
    await clock.advance(1);
    coalescer.touch(1);
    await coalescer.stop();
    await clock.advance(10_000);
    coalescer.touch(1);
    await clock.advance(10_000);
    expect(calls).toBe(1);
  });
});
