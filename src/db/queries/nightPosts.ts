/** The night's leaderboard posts to results channels: queued, claimed once, marked posted. */
import { and, eq, isNull, lte } from "drizzle-orm";
import type { Database } from "../client.js";
import { nightPosts } from "../schema/index.js";
import { earliest } from "./earliest.js";

/** Queues a night's post for a server; a night already queued (or posted) there stays as it is. */
export async function queueNightPost(
  db: Database,
  input: { guildId: string; channelId: string; season: number; week: number; dueAt: Date },
): Promise<void> {
  await db.insert(nightPosts).values(input).onConflictDoNothing();
}

/** Claims the posts that are due, so that of several bot processes exactly one sends each. */
export async function claimDueNightPosts(db: Database, now: Date) {
  return db
    .update(nightPosts)
    .set({ postedAt: now })
    .where(and(isNull(nightPosts.postedAt), lte(nightPosts.dueAt, now)))
    .returning({
      guildId: nightPosts.guildId,
      channelId: nightPosts.channelId,
      season: nightPosts.season,
      week: nightPosts.week,
    });
}

/** When the soonest queued post is due (one held back by a spoiler guard), so the poster can sleep until then. */
export function nextNightPostDue(db: Database): Promise<Date | null> {
  return earliest(db, nightPosts, nightPosts.dueAt, isNull(nightPosts.postedAt));
}

export async function markNightPosted(
  db: Database,
  input: { guildId: string; season: number; week: number; messageId: string | null },
): Promise<void> {
  await db
    .update(nightPosts)
    .set({ messageId: input.messageId })
    .where(
      and(eq(nightPosts.guildId, input.guildId), eq(nightPosts.season, input.season), eq(nightPosts.week, input.week)),
    );
}
