/** The reminders a member can ask for, in the show's words. */
import type { ReminderKind } from "../db/schema/reminders.js";

export { type ReminderKind, reminderKinds } from "../db/schema/reminders.js";

export const reminderLabels: Record<ReminderKind, string> = {
  lock: "Picks lock in 1 hour",
  showtime: "The show starts in 15 minutes",
  pick: "Your pick went home",
  results: "This week's results are in",
};

/** What one reminder DM tells, in the show's terms; the DM itself is drawn at the edge (src/commands/remind/view.ts). */
export type ReminderMessage =
  | {
      kind: "lock";
      pollKind: "mirrorball" | "elimination";
      week: number | null;
      closesAt: Date;
      /** Where the poll's message is, for a link to it; null before it is posted. */
      pollMessage: { channelId: string; messageId: string } | null;
    }
  | { kind: "showtime"; airAt: Date }
  | { kind: "pick"; season: number; week: number; couple: string }
  | { kind: "results"; season: number; week: number };
