/** A server's opt-in role and its one ping per weekly poll. */
import { and, eq, gte, isNull, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { polls, reminderRolePings, reminderRoles } from "../../schema/index.js";

export async function getReminderRole(db: Database, guildId: string): Promise<string | null> {
  const [row] = await db
    .select({ roleId: reminderRoles.roleId })
    .from(reminderRoles)
    .where(eq(reminderRoles.guildId, guildId));
  return row?.roleId ?? null;
}

export async function setReminderRole(db: Database, guildId: string, roleId: string | null, setBy: string) {
  if (roleId === null) {
    await db.delete(reminderRoles).where(eq(reminderRoles.guildId, guildId));
    return;
  }
  await db
    .insert(reminderRoles)
    .values({ guildId, roleId, setBy })
    .onConflictDoUpdate({ target: reminderRoles.guildId, set: { roleId, setBy, updatedAt: sql`now()` } });
}

/**
 * Claims the role pings due: weekly polls posted by the schedule (with their message), still open, made since
 * `since`, in servers with an opt-in role, not pinged yet. The insert is the claim, so one process pings each.
 */
export async function claimRolePings(db: Database, since: Date) {
  const due = await db
    .select({
      pollId: polls.id,
      guildId: polls.guildId,
      channelId: polls.channelId,
      messageId: polls.messageId,
      kind: polls.kind,
      week: polls.week,
      closesAt: polls.closesAt,
      roleId: reminderRoles.roleId,
    })
    .from(polls)
    .innerJoin(reminderRoles, eq(reminderRoles.guildId, polls.guildId))
    .leftJoin(reminderRolePings, eq(reminderRolePings.pollId, polls.id))
    .where(
      and(
        eq(polls.scheduled, true),
        eq(polls.kind, "elimination"),
        isNull(polls.closedAt),
        sql`${polls.messageId} is not null`,
        gte(polls.createdAt, since),
        isNull(reminderRolePings.pollId),
      ),
    )
    .limit(50);
  const claimed = [];
  for (const ping of due) {
    const [row] = await db
      .insert(reminderRolePings)
      .values({ pollId: ping.pollId, guildId: ping.guildId })
      .onConflictDoNothing()
      .returning({ pollId: reminderRolePings.pollId });
    if (row) claimed.push(ping);
  }
  return claimed;
}

export async function markRolePinged(db: Database, pollId: number, messageId: string): Promise<void> {
  await db.update(reminderRolePings).set({ messageId }).where(eq(reminderRolePings.pollId, pollId));
}
