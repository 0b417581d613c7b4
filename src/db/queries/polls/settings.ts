import { eq, sql } from "drizzle-orm";
import type { Database } from "../../client.js";
import { pollSettings } from "../../schema/index.js";

export interface PollSettingsRow {
  managerRoleId: string | null;
  eliminationPoints: number;
  mirrorballPoints: number;
  mirrorballFloor: number;
}

/** A server's stored poll settings, or null when it never changed any. */
export async function getPollSettingsRow(db: Database, guildId: string): Promise<PollSettingsRow | null> {
  const [row] = await db.select().from(pollSettings).where(eq(pollSettings.guildId, guildId));
  return row
    ? {
        managerRoleId: row.managerRoleId,
        eliminationPoints: row.eliminationPoints,
        mirrorballPoints: row.mirrorballPoints,
        mirrorballFloor: row.mirrorballFloor,
      }
    : null;
}

/** Inserts the whole row the first time; afterwards updates only `changes`. */
export async function upsertPollSettings(
  db: Database,
  guildId: string,
  row: PollSettingsRow,
  changes: Partial<PollSettingsRow>,
): Promise<void> {
  await db
    .insert(pollSettings)
    .values({ guildId, ...row })
    .onConflictDoUpdate({ target: pollSettings.guildId, set: { ...changes, updatedAt: sql`now()` } });
}
