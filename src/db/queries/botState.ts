import { eq, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { botState } from "../schema/index.js";

/** The bot's own small facts by key: the registered commands' hash, the live seasons' version. */
export async function getBotState(db: Database, key: string): Promise<string | null> {
  const [row] = await db.select({ value: botState.value }).from(botState).where(eq(botState.key, key));
  return row?.value ?? null;
}

export async function setBotState(db: Database, key: string, value: string): Promise<void> {
  await db
    .insert(botState)
    .values({ key, value })
    .onConflictDoUpdate({ target: botState.key, set: { value, updatedAt: sql`now()` } });
}
