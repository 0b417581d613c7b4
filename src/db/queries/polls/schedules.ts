import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { pollSchedules } from "../../schema/index.js";
import { earliest } from "../earliest.js";

export type ScheduleRow = typeof pollSchedules.$inferSelect;

export async function saveSchedule(db: Database, schedule: Omit<ScheduleRow, "updatedAt">): Promise<void> {
  const { guildId, ...rest } = schedule;
  await db
    .insert(pollSchedules)
    .values(schedule)
    .onConflictDoUpdate({ target: pollSchedules.guildId, set: { ...rest, updatedAt: sql`now()` } });
}

export async function deleteSchedule(db: Database, guildId: string): Promise<boolean> {
  const rows = await db.delete(pollSchedules).where(eq(pollSchedules.guildId, guildId)).returning();
  return rows.length > 0;
}

export async function getSchedule(db: Database, guildId: string): Promise<ScheduleRow | null> {
  const [row] = await db.select().from(pollSchedules).where(eq(pollSchedules.guildId, guildId));
  return row ?? null;
}

/** Schedules whose posting window has opened. */
export async function dueSchedules(db: Database): Promise<ScheduleRow[]> {
  return db
    .select()
    .from(pollSchedules)
    .where(sql`${pollSchedules.nextAirAt} - make_interval(mins => ${pollSchedules.leadMinutes}) <= now()`)
    .limit(20);
}

/** When the soonest weekly poll is due to be posted (its air time less its lead), so the poster can sleep until then. */
export function nextScheduleDue(db: Database): Promise<Date | null> {
  return earliest(
    db,
    pollSchedules,
    sql`${pollSchedules.nextAirAt} - make_interval(mins => ${pollSchedules.leadMinutes})`,
  );
}

/**
 * Moves a schedule on from `airAt` to `next`. Only one process succeeds for a given air time: it is the one that
 * posts that week's poll.
 */
export async function advanceSchedule(db: Database, guildId: string, airAt: Date, next: Date): Promise<boolean> {
  const rows = await db
    .update(pollSchedules)
    .set({ nextAirAt: next })
    .where(and(eq(pollSchedules.guildId, guildId), eq(pollSchedules.nextAirAt, airAt)))
    .returning({ guildId: pollSchedules.guildId });
  return rows.length > 0;
}
