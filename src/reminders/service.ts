/**
 * Sends the reminders members asked for: finds what is due, claims each (member, reminder, occasion) in SQL before
 * sending, so each goes at most once across processes and restarts, and records a refused DM, which pauses that
 * member's reminders instead of retrying them.
 */

import type { Database } from "../db/client.js";
import {
  claimDeliveries,
  type DeliveryKey,
  lockCandidates,
  markFailed,
  markSent,
  pickCandidates,
  resultsCandidates,
  showtimeSchedules,
} from "../db/queries/reminders/index.js";
import type { Logger } from "../logger.js";
import type { ReminderDms } from "./delivery.js";
import type { ReminderMessage } from "./kinds.js";
import { lockLeadMs, occasion, resultMayBeTold, showtimeDue } from "./timing.js";

type Due = DeliveryKey & { message: ReminderMessage };

export class ReminderService {
  constructor(
    private readonly db: Database,
    private readonly dms: ReminderDms,
    private readonly logger: Logger,
  ) {}

  /** Everything due at `now`: claimed, then sent one DM at a time. Returns how many DMs went out. */
  async run(now: Date): Promise<{ sent: number; failed: number }> {
    const due = [...(await this.lockDue(now)), ...(await this.showtimeDue(now)), ...(await this.resultDue(now))];
    const claimed = new Set((await claimDeliveries(this.db, due)).map(keyOf));
    let sent = 0;
    let failed = 0;
    for (const reminder of due) {
      if (!claimed.has(keyOf(reminder))) continue;
      const result = await this.dms(reminder).catch((error: unknown) => {
        this.logger.warn({ err: error, userId: reminder.userId }, "could not send a reminder DM");
        return { sent: false as const, code: null };
      });
      if (result.sent) {
        await markSent(this.db, reminder);
        sent++;
      } else {
        // Recorded and never retried: the claim stays, and a closed inbox pauses the member's other reminders.
        await markFailed(this.db, reminder, result.code);
        failed++;
        this.logger.info({ userId: reminder.userId, code: result.code }, "reminder DM refused; reminders paused");
      }
    }
    return { sent, failed };
  }

  private async lockDue(now: Date): Promise<Due[]> {
    return (await lockCandidates(this.db, now, lockLeadMs)).map((c) => ({
      guildId: c.guildId,
      userId: c.userId,
      kind: "lock",
      occasion: occasion.poll(c.pollId),
      message: {
        kind: "lock",
        pollKind: c.kind,
        week: c.week,
        closesAt: c.closesAt,
        pollMessage: c.messageId ? { channelId: c.channelId, messageId: c.messageId } : null,
      },
    }));
  }

  private async showtimeDue(now: Date): Promise<Due[]> {
    const due: Due[] = [];
    for (const schedule of await showtimeSchedules(this.db)) {
      const airAt = showtimeDue(now, schedule);
      if (!airAt) continue;
      for (const userId of schedule.userIds) {
        due.push({
          guildId: schedule.guildId,
          userId,
          kind: "showtime",
          occasion: occasion.air(airAt),
          message: { kind: "showtime", airAt },
        });
      }
    }
    return due;
  }

  private async resultDue(now: Date): Promise<Due[]> {
    const picks = (await pickCandidates(this.db)).filter((c) => c.couple && resultMayBeTold(c, now));
    const results = (await resultsCandidates(this.db)).filter((c) => resultMayBeTold(c, now));
    return [
      ...picks.map(
        (c): Due => ({
          guildId: c.guildId,
          userId: c.userId,
          kind: "pick",
          occasion: occasion.poll(c.pollId),
          message: { kind: "pick", season: c.season, week: c.week, couple: c.couple ?? "" },
        }),
      ),
      ...results.map(
        (c): Due => ({
          guildId: c.guildId,
          userId: c.userId,
          kind: "results",
          occasion: occasion.results(c.season, c.week),
          message: { kind: "results", season: c.season, week: c.week },
        }),
      ),
    ];
  }
}

const keyOf = (k: DeliveryKey) => `${k.guildId}|${k.userId}|${k.kind}|${k.occasion}`;
