/** Claiming reminders before they are sent (the claim is the insert), and recording how each went. */
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { type ReminderKind, reminderDeliveries, reminderDmFailures } from "../../schema/index.js";

export interface DeliveryKey {
  guildId: string;
  userId: string;
  kind: ReminderKind;
  occasion: string;
}

/**
 * Inserts a delivery row for each reminder not yet claimed and returns the ones this call inserted: of several
 * processes (or a restart) exactly one gets each, and a claimed reminder is never claimed again, sent or not.
 */
export async function claimDeliveries(db: Database, keys: DeliveryKey[]): Promise<DeliveryKey[]> {
  if (keys.length === 0) return [];
  const claimed: DeliveryKey[] = [];
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .insert(reminderDeliveries)
      .values(keys.slice(i, i + 500))
      .onConflictDoNothing()
      .returning({
        guildId: reminderDeliveries.guildId,
        userId: reminderDeliveries.userId,
        kind: reminderDeliveries.kind,
        occasion: reminderDeliveries.occasion,
      });
    claimed.push(...rows);
  }
  return claimed;
}

const keyIs = (key: DeliveryKey) =>
  and(
    eq(reminderDeliveries.guildId, key.guildId),
    eq(reminderDeliveries.userId, key.userId),
    eq(reminderDeliveries.kind, key.kind),
    eq(reminderDeliveries.occasion, key.occasion),
  );

export async function markSent(db: Database, key: DeliveryKey): Promise<void> {
  await db.update(reminderDeliveries).set({ sentAt: sql`now()` }).where(keyIs(key));
}

/** Records a failed DM on the delivery and pauses the member's reminders until they opt in again. */
export async function markFailed(db: Database, key: DeliveryKey, code: number | null): Promise<void> {
  await db.update(reminderDeliveries).set({ failedAt: sql`now()`, failureCode: code }).where(keyIs(key));
  await db
    .insert(reminderDmFailures)
    .values({ userId: key.userId, code })
    .onConflictDoUpdate({ target: reminderDmFailures.userId, set: { code, failedAt: sql`now()` } });
}

/** Every delivery of a member (tests and the /remind panel's "last sent" line). */
export async function deliveriesOf(db: Database, userId: string) {
  return db.select().from(reminderDeliveries).where(eq(reminderDeliveries.userId, userId));
}
