/** A server's poll settings: who manages polls and what a correct pick is worth (defaults until it changes them). */
import type { Database } from "../db/client.js";
import { getPollSettingsRow, type PollSettingsRow, upsertPollSettings } from "../db/queries/polls/settings.js";
import { defaultPredictionSettings } from "./scoring.js";

export type PollSettings = PollSettingsRow;

export async function pollSettings(db: Database, guildId: string): Promise<PollSettings> {
  return (await getPollSettingsRow(db, guildId)) ?? { managerRoleId: null, ...defaultPredictionSettings };
}

/** Changes only the given settings; `managerRoleId: null` clears the role. */
export async function changePollSettings(
  db: Database,
  guildId: string,
  changes: Partial<PollSettings>,
): Promise<PollSettings> {
  const next = { ...(await pollSettings(db, guildId)), ...changes };
  await upsertPollSettings(db, guildId, next, changes);
  return next;
}
