/** Members' opt-ins to reminders, and the closed-DM marks that pause them. */
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../client.js";
import { type ReminderKind, reminderDmFailures, reminderSubscriptions } from "../../schema/index.js";

export async function subscriptionsOf(db: Database, guildId: string, userId: string): Promise<ReminderKind[]> {
  const rows = await db
    .select({ kind: reminderSubscriptions.kind })
    .from(reminderSubscriptions)
    .where(and(eq(reminderSubscriptions.guildId, guildId), eq(reminderSubscriptions.userId, userId)));
  return rows.map((r) => r.kind);
}

/** Turns one kind on or off; opting in again also lifts a closed-DM pause, since the member asked anew. */
export async function setSubscription(
  db: Database,
  input: { guildId: string; userId: string; kind: ReminderKind; on: boolean },
): Promise<void> {
  const { guildId, userId, kind } = input;
  if (input.on) {
    await db.insert(reminderSubscriptions).values({ guildId, userId, kind }).onConflictDoNothing();
    await db.delete(reminderDmFailures).where(eq(reminderDmFailures.userId, userId));
    return;
  }
  await db
    .delete(reminderSubscriptions)
    .where(
      and(
        eq(reminderSubscriptions.guildId, guildId),
        eq(reminderSubscriptions.userId, userId),
        eq(reminderSubscriptions.kind, kind),
      ),
    );
}

export async function dmFailure(db: Database, userId: string): Promise<{ code: number | null; failedAt: Date } | null> {
  const [row] = await db
    .select({ code: reminderDmFailures.code, failedAt: reminderDmFailures.failedAt })
    .from(reminderDmFailures)
    .where(eq(reminderDmFailures.userId, userId));
  return row ?? null;
}

/** Members of a server subscribed to a kind, without a closed-DM pause. */
export async function subscribers(db: Database, guildIds: string[], kind: ReminderKind) {
  if (guildIds.length === 0) return [];
  return db
    .select({
      guildId: reminderSubscriptions.guildId,
      userId: reminderSubscriptions.userId,
      since: reminderSubscriptions.createdAt,
    })
    .from(reminderSubscriptions)
    .leftJoin(reminderDmFailures, eq(reminderDmFailures.userId, reminderSubscriptions.userId))
    .where(
      and(
        inArray(reminderSubscriptions.guildId, guildIds),
        eq(reminderSubscriptions.kind, kind),
        // A member whose DMs are closed waits until they opt in again.
        isNull(reminderDmFailures.userId),
      ),
    );
}
