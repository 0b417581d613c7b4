import { and, desc, eq, isNull, lte, sql } from "drizzle-orm";
import type { SeasonFile } from "../../data/seasonFile.js";
import type { Database } from "../client.js";
import {
  adminAudit,
  guildSettings,
  liveSeasons,
  nightPosts,
  pendingImports,
  people,
  resultsChannels,
  seasons,
} from "../schema/index.js";

export interface LiveSeason {
  season: number;
  document: SeasonFile;
  revision: number;
  loaded: boolean;
  updatedAt: Date;
  updatedBy: string;
}

/** The season document the owners run, locked for the rest of the transaction when `lock` (one change at a time). */
export async function getLiveSeason(
  db: Database,
  season: number,
  options: { lock?: boolean; franchise?: string } = {},
): Promise<LiveSeason | null> {
  const query = db
    .select()
    .from(liveSeasons)
    .where(and(eq(liveSeasons.franchise, options.franchise ?? "dwts-us"), eq(liveSeasons.season, season)));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function listLiveSeasons(db: Database): Promise<number[]> {
  const rows = await db.select({ season: liveSeasons.season }).from(liveSeasons).orderBy(desc(liveSeasons.season));
  return rows.map((r) => r.season);
}

export async function saveLiveSeason(
  db: Database,
  input: { document: SeasonFile; revision: number; loaded: boolean; updatedBy: string },
): Promise<void> {
  const values = {
    franchise: input.document.franchise,
    season: input.document.season,
    document: input.document,
    revision: input.revision,
    loaded: input.loaded,
    updatedBy: input.updatedBy,
  };
  await db
    .insert(liveSeasons)
    .values(values)
    .onConflictDoUpdate({
      target: [liveSeasons.franchise, liveSeasons.season],
      set: { ...values, updatedAt: sql`now()` },
    });
}

export interface AuditEntry {
  id: number;
  at: Date;
  userId: string;
  season: number;
  revision: number;
  action: string;
  summary: string;
  changes: string[];
}

export async function appendAudit(db: Database, entry: Omit<AuditEntry, "id" | "at">): Promise<void> {
  await db.insert(adminAudit).values(entry);
}

/** Newest first; one season or all. */
export async function listAudit(db: Database, input: { season: number | null; limit: number }): Promise<AuditEntry[]> {
  return db
    .select({
      id: adminAudit.id,
      at: adminAudit.at,
      userId: adminAudit.userId,
      season: adminAudit.season,
      revision: adminAudit.revision,
      action: adminAudit.action,
      summary: adminAudit.summary,
      changes: adminAudit.changes,
    })
    .from(adminAudit)
    .where(input.season === null ? undefined : eq(adminAudit.season, input.season))
    .orderBy(desc(adminAudit.at), desc(adminAudit.id))
    .limit(input.limit);
}

export interface PendingImport {
  id: string;
  fileName: string;
  document: SeasonFile;
  baseRevision: number;
  createdBy: string;
  createdAt: Date;
}

export async function storePendingImport(db: Database, pending: Omit<PendingImport, "createdAt">): Promise<void> {
  // Old dry runs nobody confirmed are dropped as new ones arrive.
  await db.delete(pendingImports).where(lte(pendingImports.createdAt, sql`now() - interval '1 day'`));
  await db.insert(pendingImports).values(pending);
}

/** Takes the pending import out (so a double press applies it once). */
export async function takePendingImport(db: Database, id: string): Promise<PendingImport | null> {
  const [row] = await db.delete(pendingImports).where(eq(pendingImports.id, id)).returning();
  return row ?? null;
}

export async function getPendingImport(db: Database, id: string): Promise<PendingImport | null> {
  const [row] = await db.select().from(pendingImports).where(eq(pendingImports.id, id));
  return row ?? null;
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

/** Whether the season is in the database at all (loaded from data/ or by the owners). */
export async function seasonIsLoaded(db: Database, season: number, franchise = "dwts-us"): Promise<boolean> {
  const [row] = await db
    .select({ id: seasons.id })
    .from(seasons)
    .where(and(eq(seasons.franchise, franchise), eq(seasons.number, season)));
  return row !== undefined;
}

/** People whose name starts with (or contains) what was typed, for the owners' autocomplete of celebrities. */
export async function searchPeople(db: Database, folded: string, limit = 25): Promise<string[]> {
  const rows = await db
    .select({ name: people.name })
    .from(people)
    .where(sql`${people.searchName} like ${`%${folded.replace(/[%_\\]/g, "")}%`}`)
    .orderBy(sql`${people.searchName} like ${`${folded.replace(/[%_\\]/g, "")}%`} desc`, people.name)
    .limit(limit);
  return rows.map((r) => r.name);
}
