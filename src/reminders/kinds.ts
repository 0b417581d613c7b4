/** The reminders a member can ask for, in the show's words. */
import type { ReminderKind } from "../db/schema/reminders.js";

export { type ReminderKind, reminderKinds } from "../db/schema/reminders.js";

export const reminderLabels: Record<ReminderKind, string> = {
  lock: "Picks lock in 1 hour",
  showtime: "The show starts in 15 minutes",
  pick: "Your pick went home",
  results: "This week's results are in",
};
