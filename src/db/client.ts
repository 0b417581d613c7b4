import { mkdirSync } from "node:fs";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { projectPath } from "../paths.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** The one database type the rest of the bot sees, whether PGlite or postgres.js is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The embedded database's data folder as a gzipped tarball (PGlite only). */
  dump?(): Promise<Blob>;
}

const migrationsFolder = projectPath("drizzle");

export interface DatabaseOptions {
  /** postgres://… to use a real PostgreSQL server. */
  url?: string | undefined;
  /** Folder of the embedded database; "memory://" keeps it in memory (tests). */
  pgliteDir?: string | undefined;
  /** Start the embedded database from a dump of another one's data folder (tests clone a seeded database). */
  pgliteDump?: Blob | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    // A database that cannot be reached fails a request within 2 s, so the member gets a sentence in Discord's 3 s.
    const sql = postgres(options.url, { max: 10, connect_timeout: 2, onnotice: () => {} });
    const db = drizzlePostgres(sql, { schema });
    return {
      db,
      kind: "postgres",
      migrate: () => migratePostgres(db, { migrationsFolder }),
      close: () => sql.end({ timeout: 5 }),
    };
  }
  // Loaded only here: a bot on PostgreSQL never holds the embedded database's code in memory.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const dir = options.pgliteDir ?? "memory://";
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, options.pgliteDump ? { loadDataDir: options.pgliteDump } : {});
  const db = drizzlePglite(client, { schema });
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(db, { migrationsFolder }),
    close: () => client.close(),
    dump: () => client.dumpDataDir("gzip"),
  };
}
