/** The owners' audit log: who changed what and when, append-only. */
import { desc, eq } from "drizzle-orm";
import type { Database } from "../client.js";
import { adminAudit } from "../schema/index.js";

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
