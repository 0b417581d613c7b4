/** The season feed's change sets (feed_changes) and its one-process claim on each look at the article. */
import { and, eq, sql } from "drizzle-orm";
import type { SeasonFile } from "../../data/seasonFile.js";
import type { Database } from "../client.js";
import { botState, feedChanges } from "../schema/index.js";

export type FeedChangeRow = typeof feedChanges.$inferSelect;

/**
 * Stores a revision's change set as waiting for an owner; any change set of the season still waiting is superseded
 * by it (the newer revision is what the article says now, and a revert of vandalism replaces the held one).
 */
export async function addFeedChange(
  db: Database,
  input: {
    season: number;
    revid: number;
    link: string;
    baseRevision: number;
    document: SeasonFile;
    changes: string[];
    holds: string[];
  },
): Promise<{ row: FeedChangeRow; superseded: FeedChangeRow[] }> {
  return db.transaction(async (tx) => {
    const superseded = await tx
      .update(feedChanges)
      .set({ status: "superseded", decidedAt: sql`now()` })
      .where(and(eq(feedChanges.season, input.season), eq(feedChanges.status, "pending")))
      .returning();
    const [row] = await tx.insert(feedChanges).values(input).returning();
    if (!row) throw new Error("feed change not stored");
    return { row, superseded };
  });
}

/** The season's waiting change sets are overtaken (the article now says what is recorded: a revert). */
export async function supersedeWaiting(db: Database, season: number): Promise<FeedChangeRow[]> {
  return db
    .update(feedChanges)
    .set({ status: "superseded", decidedAt: sql`now()` })
    .where(and(eq(feedChanges.season, season), eq(feedChanges.status, "pending")))
    .returning();
}

/** Every change set of the season still waiting for an owner (held ones included). */
export async function waitingFeedChanges(db: Database, season: number): Promise<FeedChangeRow[]> {
  return db
    .select()
    .from(feedChanges)
    .where(and(eq(feedChanges.season, season), eq(feedChanges.status, "pending")));
}

export async function getFeedChange(db: Database, id: number): Promise<FeedChangeRow | null> {
  const [row] = await db.select().from(feedChanges).where(eq(feedChanges.id, id));
  return row ?? null;
}

/**
 * Decides a waiting change set ("applied" or "skipped"); null when it was decided already or superseded. Run inside
 * the change's own transaction, an "applied" decision and the change stand or fall together.
 */
export async function decideFeedChange(
  db: Database,
  input: { id: number; status: "applied" | "skipped" | "superseded"; userId: string },
): Promise<FeedChangeRow | null> {
  const [row] = await db
    .update(feedChanges)
    .set({ status: input.status, decidedBy: input.userId, decidedAt: sql`now()` })
    .where(and(eq(feedChanges.id, input.id), eq(feedChanges.status, "pending")))
    .returning();
  return row ?? null;
}

export async function setFeedMessage(db: Database, id: number, messageId: string): Promise<void> {
  await db.update(feedChanges).set({ messageId }).where(eq(feedChanges.id, id));
}

/**
 * Claims the next look at a season's article for this process: true when its time (`feed:due:<season>`, an ISO
 * instant) has come, and then it moves to `next` in the same statement, so of several processes exactly one looks.
 */
export async function claimFeedLook(db: Database, season: number, now: Date, next: Date): Promise<boolean> {
  const key = `feed:due:${season}`;
  const rows = await db
    .insert(botState)
    .values({ key, value: next.toISOString() })
    .onConflictDoUpdate({
      target: botState.key,
      set: { value: next.toISOString(), updatedAt: sql`now()` },
      where: sql`${botState.value} <= ${now.toISOString()}`,
    })
    .returning({ key: botState.key });
  return rows.length > 0;
}

/** Puts the next look at `due` (sooner or later than planned), whoever holds the claim. */
export async function setFeedDue(db: Database, season: number, due: Date): Promise<void> {
  const key = `feed:due:${season}`;
  await db
    .insert(botState)
    .values({ key, value: due.toISOString() })
    .onConflictDoUpdate({ target: botState.key, set: { value: due.toISOString(), updatedAt: sql`now()` } });
}
