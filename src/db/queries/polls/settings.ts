import { eq, sql } from "drizzle-orm";
import { defaultPredictionSettings, type PredictionSettings } from "../../../polls/scoring.js";
import type { Database } from "../../client.js";
import { pollSettings } from "../../schema/index.js";

export interface PollSettings extends PredictionSettings {
  managerRoleId: string | null;
}

export async function getPollSettings(db: Database, guildId: string): Promise<PollSettings> {
  const [row] = await db.select().from(pollSettings).where(eq(pollSettings.guildId, guildId));
  return row
    ? {
        managerRoleId: row.managerRoleId,
        eliminationPoints: row.eliminationPoints,
        mirrorballPoints: row.mirrorballPoints,
        mirrorballFloor: row.mirrorballFloor,
      }
    : { managerRoleId: null, ...defaultPredictionSettings };
}

/** Changes only the given settings; `managerRoleId: null` clears the role. */
export async function updatePollSettings(
  db: Database,
  guildId: string,
  changes: Partial<PollSettings>,
): Promise<PollSettings> {
  const current = await getPollSettings(db, guildId);
  const next = { ...current, ...changes };
  await db
    .insert(pollSettings)
    .values({ guildId, ...next })
    .onConflictDoUpdate({ target: pollSettings.guildId, set: { ...changes, updatedAt: sql`now()` } });
  return next;
}
