/** A member's reminder choices in one server, as the /remind panel shows them. */
import type { Database } from "../db/client.js";
import {
  dmFailure,
  getReminderRole,
  setReminderRole,
  setSubscription,
  subscriptionsOf,
} from "../db/queries/reminders/index.js";
import type { ReminderKind } from "./kinds.js";

export interface ReminderChoices {
  on: ReminderKind[];
  roleId: string | null;
  dmClosedAt: Date | null;
}

export async function reminderChoices(db: Database, guildId: string, userId: string): Promise<ReminderChoices> {
  const [on, roleId, failure] = await Promise.all([
    subscriptionsOf(db, guildId, userId),
    getReminderRole(db, guildId),
    dmFailure(db, userId),
  ]);
  return { on, roleId, dmClosedAt: failure?.failedAt ?? null };
}

/** Flips one reminder; returns whether it is now on. */
export async function toggleReminder(db: Database, guildId: string, userId: string, kind: ReminderKind) {
  const on = !(await subscriptionsOf(db, guildId, userId)).includes(kind);
  await setSubscription(db, { guildId, userId, kind, on });
  return on;
}

export async function stopReminder(db: Database, guildId: string, userId: string, kind: ReminderKind) {
  await setSubscription(db, { guildId, userId, kind, on: false });
}

export { getReminderRole, setReminderRole };
