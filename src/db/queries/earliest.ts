import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";

/** The earliest `at` over the rows of `table` that match `where`, or null when none do: when a job's next work is due. */
export async function earliest(db: Database, table: PgTable, at: AnyPgColumn | SQL, where?: SQL): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${at})` })
    .from(table)
    .where(where);
  return row?.at ? new Date(row.at) : null;
}
