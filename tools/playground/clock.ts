/**
 * Fast-forward for the playground. The bot's timers are its deadlines in the database (a poll's `closes_at`, a weekly
 * schedule's `next_air_at`) compared with the database's now() by the scheduler's loop. Moving every pending deadline
 * earlier by an amount is, to the bot, the clock moving on by that amount: the same loop, the same SQL and the same
 * code then close the poll or post the week's polls. The page adds the amount to its own clock, so `<t:…:R>` reads
 * as it would at the moved-on time.
 */
import { isNull, min, sql } from "drizzle-orm";
import type { Database } from "../../src/db/client.js";
import { pollSchedules, polls } from "../../src/db/schema/index.js";

/** The next thing the bot's timers will do, and when. */
export interface Upcoming {
  at: Date;
  what: "a poll closes" | "the weekly polls are posted";
}

export class PlaygroundClock {
  private offset = 0;

  constructor(private readonly db: Database) {}

  /** How far the playground has been moved on, in milliseconds. */
  get offsetMs(): number {
    return this.offset;
  }

  /** The playground's time: the real time plus the fast-forwards so far. */
  now(): Date {
    return new Date(Date.now() + this.offset);
  }

  /** The earliest pending deadline (open poll or weekly posting window), or null when nothing is waiting. */
  async upcoming(): Promise<Upcoming | null> {
    const [poll] = await this.db
      .select({ at: min(polls.closesAt) })
      .from(polls)
      .where(isNull(polls.closedAt));
    const [schedule] = await this.db
      .select({ at: min(sql<Date>`${pollSchedules.nextAirAt} - make_interval(mins => ${pollSchedules.leadMinutes})`) })
      .from(pollSchedules);
    const candidates: Upcoming[] = [];
    if (poll?.at) candidates.push({ at: new Date(poll.at), what: "a poll closes" });
    if (schedule?.at) candidates.push({ at: new Date(schedule.at), what: "the weekly polls are posted" });
    candidates.sort((a, b) => a.at.getTime() - b.at.getTime());
    // Deadlines are stored in real time; the page reads them in playground time.
    const [first] = candidates;
    return first ? { ...first, at: new Date(first.at.getTime() + this.offset) } : null;
  }

  /** Moves the clock on by `ms`: every pending deadline comes `ms` closer. */
  async forward(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms <= 0) throw new RangeError("fast-forward by a positive number of milliseconds");
    const seconds = ms / 1000;
    await this.db.transaction(async (tx) => {
      await tx
        .update(polls)
        .set({ closesAt: sql`${polls.closesAt} - make_interval(secs => ${seconds})` })
        .where(isNull(polls.closedAt));
      await tx
        .update(pollSchedules)
        .set({ nextAirAt: sql`${pollSchedules.nextAirAt} - make_interval(secs => ${seconds})` });
    });
    this.offset += ms;
  }

  /** Moves the clock just past the next deadline; null (and no move) when nothing is waiting. */
  async toNext(): Promise<Upcoming | null> {
    const next = await this.upcoming();
    if (!next) return null;
    await this.forward(Math.max(0, next.at.getTime() - this.now().getTime()) + 1000);
    return next;
  }
}
