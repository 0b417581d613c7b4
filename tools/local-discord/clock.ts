/**
 * A clock that can be moved forward, for the whole process: `Date.now()` and `new Date()` read it, and so does the
 * embedded database (PGlite's now() asks the JavaScript clock). Timers (setTimeout) keep real time; whatever runs on
 * them and compares with the clock (the bot's poll deadlines and weekly schedule) sees time move on. It starts at the
 * real time, or at an instant a test chooses so that what it checks does not depend on when it runs. A real
 * PostgreSQL keeps its own clock, which no client can move.
 */
const RealDate = globalThis.Date;
const realNow = RealDate.now.bind(RealDate);

export class FastForwardClock {
  private static current: FastForwardClock | undefined;
  private offset = 0;

  /** `start`: how far the clock started from the real one (0 unless installed with `startsAt`). */
  private constructor(private readonly start: number) {}

  /**
   * Replaces the process's clock; only one can be installed at a time. With `startsAt` it starts at that instant
   * instead of now (earlier or later: a test that must not depend on when it runs) and runs on from there.
   */
  static install(options: { startsAt?: Date } = {}): FastForwardClock {
    if (FastForwardClock.current) throw new Error("local-discord: a FastForwardClock is already installed");
    const clock = new FastForwardClock(options.startsAt ? options.startsAt.getTime() - realNow() : 0);
    RealDate.now = () => realNow() + clock.start + clock.offset;
    // A proxy rather than a subclass: every Date, made before or after, stays `instanceof Date`.
    globalThis.Date = new Proxy(RealDate, {
      construct: (target, args, newTarget) =>
        Reflect.construct(target, args.length ? args : [RealDate.now()], newTarget),
      apply: () => new RealDate(RealDate.now()).toString(),
    });
    FastForwardClock.current = clock;
    return clock;
  }

  /** How far the clock has been moved on since it was installed, in milliseconds. */
  get offsetMs(): number {
    return this.offset;
  }

  now(): Date {
    return new RealDate(RealDate.now());
  }

  /** Moves the clock on by `ms` (never back: Discord ids and the bot's deadlines assume time goes forward). */
  forward(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) throw new RangeError("move the clock forward by a positive number of ms");
    this.offset += ms;
  }

  /** Gives the process its real clock back. */
  uninstall(): void {
    if (FastForwardClock.current !== this) return;
    RealDate.now = realNow;
    globalThis.Date = RealDate;
    FastForwardClock.current = undefined;
  }
}
