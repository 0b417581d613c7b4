/**
 * The polls' background jobs: closing polls whose deadline passed (and finishing closes another process left half
 * done), and posting the weekly polls. All work is claimed in SQL first, so several bot processes share it safely.
 */

import type { Database } from "../db/client.js";
import {
  advanceSchedule,
  claimUnannounced,
  closeDuePolls,
  dueSchedules,
  hasMirrorballPoll,
  nextDeadline,
  nextScheduleDue,
  type ScheduleRow,
} from "../db/queries/polls/index.js";
import { UserError } from "../errors.js";
import { type Job, safetyNetMs } from "../jobs/runner.js";
import type { Logger } from "../logger.js";
import { predictionPoll } from "./prediction.js";
import { parseAirTime, scheduleStep } from "./schedule.js";
import type { PollService } from "./service.js";

/**
 * The jobs sleep until their next deadline or posting time, and wake when a poll or a schedule changes in any process
 * (src/db/notify.ts); this is only the safety net, e.g. for a close another process left half done.
 */
const everyMs = safetyNetMs;

export function pollJobs(db: Database, polls: PollService, logger: Logger): Job[] {
  const finish = async (poll: Parameters<PollService["finish"]>[0]) =>
    polls
      .finish(poll)
      .catch((error: unknown) => logger.error({ err: error, pollId: poll.id }, "could not finish a poll"));
  return [
    {
      name: "poll deadlines",
      everyMs,
      wakeOn: ["polls"],
      async run() {
        for (const poll of await closeDuePolls(db)) await finish(poll);
        for (const poll of await claimUnannounced(db)) await finish(poll);
        return nextDeadline(db);
      },
    },
    {
      name: "weekly polls",
      everyMs,
      wakeOn: ["poll_schedules"],
      async run(now) {
        for (const schedule of await dueSchedules(db)) {
          await runSchedule(db, polls, logger, schedule, now).catch((error: unknown) =>
            logger.error({ err: error, guildId: schedule.guildId }, "could not post the weekly poll"),
          );
        }
        return nextScheduleDue(db);
      },
    },
  ];
}

async function runSchedule(db: Database, polls: PollService, logger: Logger, schedule: ScheduleRow, now: Date) {
  const step = scheduleStep(now, {
    nextAirAt: schedule.nextAirAt,
    leadMinutes: schedule.leadMinutes,
    weekday: schedule.weekday,
    airTime: parseAirTime(schedule.airTime) ?? 0,
    timeZone: schedule.timeZone,
  });
  if (step.action === "wait") return;
  // Only the process that moves the schedule on posts this week's polls.
  if (!(await advanceSchedule(db, schedule.guildId, step.airAt, step.next))) return;
  if (step.action === "skip") {
    logger.warn({ guildId: schedule.guildId, airAt: step.airAt }, "missed a weekly poll's posting window");
    return;
  }
  await postWeek(db, polls, logger, schedule, step.airAt);
}

async function postWeek(db: Database, polls: PollService, logger: Logger, schedule: ScheduleRow, airAt: Date) {
  const base = {
    guildId: schedule.guildId,
    channelId: schedule.channelId,
    creatorId: schedule.setBy,
    closesAt: airAt,
    scheduled: true,
  };
  try {
    const elimination = await predictionPoll(db, { kind: "elimination", season: schedule.season });
    if (elimination.week === 1 && !(await hasMirrorballPoll(db, schedule.guildId, elimination.seasonId ?? 0))) {
      await polls.publish({ ...base, ...(await predictionPoll(db, { kind: "mirrorball", season: schedule.season })) });
    }
    await polls.publish({ ...base, ...elimination });
  } catch (error) {
    // A season that is over or not loaded yet: nothing to post this week.
    if (!(error instanceof UserError)) throw error;
    logger.info({ guildId: schedule.guildId, reason: error.message }, "no weekly poll to post");
  }
}
