/**
 * Fast-forward for the playground. The bot's timers are deadlines in the database (a poll's `closes_at`, a weekly
 * schedule's `next_air_at`) that its jobs sleep until and then compare with now(). The local Discord's
 * FastForwardClock moves the process's clock, which the embedded database reads too; moving it on and waking the jobs
 * lets the same SQL and code close the poll or post the week's polls, with every time (messages, `<t:…>`) read on the
 * moved clock. A real PostgreSQL has its own clock that no client can move, so there fast-forward is refused.
 */
import { isNull, min, sql } from "drizzle-orm";
import type { Database } from "../../src/db/client.js";
import { pollSchedules, polls } from "../../src/db/schema/index.js";
import type { FastForwardClock } from "../local-discord/index.js";
import { InputError } from "./options.js";

/** The next thing the bot's timers will do, and when. */
export interface Upcoming {
  at: Date;
  what: "a poll closes" | "the weekly polls are posted";
}

export class PlaygroundClock {
  constructor(
    private readonly db: Database,
    private readonly engine: "pglite" | "postgres",
    private readonly clock: Pick<FastForwardClock, "offsetMs" | "now" | "forward">,
    /** Wakes the bot's background jobs, asleep until deadlines measured on the clock before it moved. */
    private readonly wakeJobs: () => void = () => {},
  ) {}

  /** How far the playground has been moved on, in milliseconds. */
  get offsetMs(): number {
    return this.clock.offsetMs;
  }

  now(): Date {
    return this.clock.now();
  }

  /** The earliest pending deadline (an open poll, or a weekly posting window), or null when nothing is waiting. */
  async upcoming(): Promise<Upcoming | null> {
    const [poll] = await this.db
      .select({ at: min(polls.closesAt) })
      .from(polls)
      .where(isNull(polls.closedAt));
    const [schedule] = await this.db
      .select({
        at: min(sql<string>`${pollSchedules.nextAirAt} - make_interval(mins => ${pollSchedules.leadMinutes})`),
      })
      .from(pollSchedules);
    const candidates: Upcoming[] = [];
    if (poll?.at) candidates.push({ at: new Date(poll.at), what: "a poll closes" });
    if (schedule?.at) candidates.push({ at: new Date(schedule.at), what: "the weekly polls are posted" });
    candidates.sort((a, b) => a.at.getTime() - b.at.getTime());
    return candidates[0] ?? null;
  }

  /** Moves the clock on by `ms`. */
  async forward(ms: number): Promise<void> {
    if (this.engine === "postgres") {
      throw new InputError(
        "Fast-forward needs the embedded database: PostgreSQL keeps its own clock. Unset DATABASE_URL to use it.",
      );
    }
    this.clock.forward(ms);
    this.wakeJobs();
  }

  /** Moves the clock just past the next deadline; null (and no move) when nothing is waiting. */
  async toNext(): Promise<Upcoming | null> {
    const next = await this.upcoming();
    if (!next) return null;
    await this.forward(Math.max(0, next.at.getTime() - this.now().getTime()) + 1000);
    return next;
  }
}
