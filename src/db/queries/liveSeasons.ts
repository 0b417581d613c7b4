/** The seasons the owners run from Discord: their documents, and imports waiting for Confirm. */
import { and, desc, eq, lte, sql } from "drizzle-orm";
import type { SeasonFile } from "../../data/seasonFile.js";
import type { Database } from "../client.js";
import { liveSeasons, pendingImports } from "../schema/index.js";

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
