/** PostgreSQL advisory locks: work that must run in one process at a time across every process on the database. */
import { sql } from "drizzle-orm";
import type { Database } from "../client.js";

/**
 * Runs `work` inside a transaction holding the advisory lock named `name` (hashed to PostgreSQL's lock key space):
 * other processes asking for the same name wait until it commits. `work` gets the transaction, so on the embedded
 * database (one connection) it never waits on itself.
 */
export async function withAdvisoryLock<T>(db: Database, name: string, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${name}))`);
    return work(tx as unknown as Database);
  });
}

/** Inside a transaction, one loader at a time per season: data/ never lands between an owner's change and its commit. */
export async function lockSeason(db: Database, franchise: string, season: number): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`season:${franchise}:${season}`}))`);
}
