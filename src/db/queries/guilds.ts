import { eq, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { guildSettings } from "../schema/index.js";

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
