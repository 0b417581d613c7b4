import { randomUUID } from "node:crypto";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";

/** Which engine the suite runs on: PGlite unless TEST_DATABASE_URL points at a real PostgreSQL. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const engine = testDatabaseUrl ? "postgres" : "pglite";

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new database on the PostgreSQL server
 * of TEST_DATABASE_URL (dropped again by `close`), so files running side by side never share rows.
 */
export async function freshDatabase(): Promise<DatabaseHandle & { url?: string }> {
  if (!testDatabaseUrl) {
    const handle = await openDatabase({ pgliteDir: "memory://" });
    await handle.migrate();
    return handle;
  }
  const name = `mirrorball_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async close() {
      await handle.close();
      const cleanup = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
