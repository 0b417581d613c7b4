/**
 * Coalesces edits of a message: however many changes arrive, `flush(key)` runs at most once per `intervalMs` per key,
 * and once more after the last change, so the message always ends up current.
 */

export interface CoalescerClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: CoalescerClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface Slot {
  lastStart: number;
  dirty: boolean;
  timer?: unknown;
  running?: Promise<void>;
}

/** What a flush can say: done, or "not now, try again in this many ms" (another process edited just now). */
export type FlushResult = undefined | { retryInMs: number };

export class EditCoalescer<K> {
  private readonly slots = new Map<K, Slot>();
  private stopped = false;

  constructor(
    private readonly flush: (key: K) => Promise<FlushResult>,
    private readonly intervalMs = 2_000,
    private readonly onError: (key: K, error: unknown) => void = () => {},
    private readonly clock: CoalescerClock = realClock,
  ) {}

  /** Notes a change; the first one of a quiet period is flushed at once, later ones together after the interval. */
  touch(key: K): void {
    if (this.stopped) return;
    let slot = this.slots.get(key);
    if (!slot) {
      slot = { lastStart: Number.NEGATIVE_INFINITY, dirty: false };
      this.slots.set(key, slot);
    }
    slot.dirty = true;
    if (slot.timer === undefined && !slot.running) this.schedule(key, slot, 0);
  }

  /** Drops a key (its message will not change again), cancelling a pending flush. */
  forget(key: K): void {
    const slot = this.slots.get(key);
    if (slot?.timer !== undefined) this.clock.clearTimeout(slot.timer);
    this.slots.delete(key);
  }

  get pending(): number {
    return [...this.slots.values()].filter((s) => s.dirty || s.running).length;
  }

  /** Cancels pending flushes and waits for the running ones. */
  async stop(): Promise<void> {
    this.stopped = true;
    const running: Promise<void>[] = [];
    for (const slot of this.slots.values()) {
      if (slot.timer !== undefined) this.clock.clearTimeout(slot.timer);
      slot.timer = undefined;
      if (slot.running) running.push(slot.running);
    }
    await Promise.all(running);
    this.slots.clear();
  }

  private schedule(key: K, slot: Slot, extraMs: number): void {
    const wait = Math.max(extraMs, slot.lastStart + this.intervalMs - this.clock.now(), 0);
    slot.timer = this.clock.setTimeout(() => this.run(key, slot), wait);
  }

  private run(key: K, slot: Slot): void {
    slot.timer = undefined;
    if (this.stopped || this.slots.get(key) !== slot) return;
    slot.dirty = false;
    slot.lastStart = this.clock.now();
    slot.running = this.flush(key)
      .then(
        (result) => {
          if (result) slot.dirty = true;
          return result?.retryInMs ?? 0;
        },
        (error: unknown) => {
          this.onError(key, error);
          return 0;
        },
      )
      .then((retryInMs) => {
        slot.running = undefined;
        if (slot.dirty && !this.stopped && this.slots.get(key) === slot) this.schedule(key, slot, retryInMs);
      });
  }
}
