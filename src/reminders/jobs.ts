/** The companion's background jobs, run by src/jobs/runner.ts in every process; each claims its work in SQL. */
import type { Database } from "../db/client.js";
import { type Job, safetyNetMs } from "../jobs/runner.js";
import type { Logger } from "../logger.js";
import { EpisodeCalendarSync } from "./calendar.js";
import type { EpisodeCalendar, ReminderDms, RolePinger } from "./delivery.js";
import { pingOptInRoles } from "./rolePings.js";
import { ReminderService } from "./service.js";

export const companionJobNames = {
  reminders: "reminders",
  rolePings: "opt-in role pings",
  calendar: "episode events",
} as const;

export function companionJobs(
  db: Database,
  ports: { dms: ReminderDms; pingRole: RolePinger; calendar: EpisodeCalendar },
  logger: Logger,
): Job[] {
  const reminders = new ReminderService(db, ports.dms, logger);
  const calendar = new EpisodeCalendarSync(db, ports.calendar, logger);
  return [
    {
      name: companionJobNames.reminders,
      everyMs: 15_000,
      async run(now) {
        await reminders.run(now);
      },
    },
    {
      name: companionJobNames.rolePings,
      // Woken when a poll is posted (its message id lands); the timer is the safety net.
      everyMs: safetyNetMs,
      wakeOn: ["polls"],
      run: (now) => pingOptInRoles(db, ports.pingRole, logger, now),
    },
    { name: companionJobNames.calendar, everyMs: 60_000, run: (now) => calendar.run(now) },
  ];
}
