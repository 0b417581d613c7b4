import { eq, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { guildSettings, resultsChannels } from "../schema/index.js";

export interface GuildSettings {
  spoilerHours: number;
}

const defaults: GuildSettings = { spoilerHours: 0 };

/** A server's settings, or the defaults when it never changed any (or outside a server). */
export async function getGuildSettings(db: Database, guildId: string | null): Promise<GuildSettings> {
  if (!guildId) return defaults;
  const [row] = await db
    .select({ spoilerHours: guildSettings.spoilerHours })
    .from(guildSettings)
    .where(eq(guildSettings.guildId, guildId));
  return row ?? defaults;
}

export async function setSpoilerHours(db: Database, guildId: string, hours: number): Promise<void> {
  await db
    .insert(guildSettings)
    .values({ guildId, spoilerHours: hours })
    .onConflictDoUpdate({ target: guildSettings.guildId, set: { spoilerHours: hours, updatedAt: sql`now()` } });
}

export async function setResultsChannel(
  db: Database,
  input: { guildId: string; channelId: string | null; setBy: string },
): Promise<void> {
  if (input.channelId === null) {
    await db.delete(resultsChannels).where(eq(resultsChannels.guildId, input.guildId));
    return;
  }
  await db
    .insert(resultsChannels)
    .values({ guildId: input.guildId, channelId: input.channelId, setBy: input.setBy })
    .onConflictDoUpdate({
      target: resultsChannels.guildId,
      set: { channelId: input.channelId, setBy: input.setBy, updatedAt: sql`now()` },
    });
}

export async function getResultsChannel(db: Database, guildId: string): Promise<string | null> {
  const [row] = await db
    .select({ channelId: resultsChannels.channelId })
    .from(resultsChannels)
    .where(eq(resultsChannels.guildId, guildId));
  return row?.channelId ?? null;
}

/** Every server's results channel with its spoiler hours (0 when it never set the guard). */
export async function listResultsChannels(
  db: Database,
): Promise<{ guildId: string; channelId: string; spoilerHours: number }[]> {
  return db
    .select({
      guildId: resultsChannels.guildId,
      channelId: resultsChannels.channelId,
      spoilerHours: sql<number>`coalesce(${guildSettings.spoilerHours}, 0)::int`,
    })
    .from(resultsChannels)
    .leftJoin(guildSettings, eq(guildSettings.guildId, resultsChannels.guildId));
}
