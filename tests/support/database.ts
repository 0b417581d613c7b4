import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../src/db/client.js";

/** Which engine the suite runs on: PGlite unless TEST_DATABASE_URL points at a real PostgreSQL. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;
export const engine = testDatabaseUrl ? "postgres" : "pglite";

export type TestDatabase = DatabaseHandle & { url?: string };

/**
 * A database of its own for one test file, migrated: in-memory PGlite, or a new database on the PostgreSQL server of
 * TEST_DATABASE_URL (dropped by `close`), so files running side by side never share rows. With `seeded`, it starts as
 * a copy of the database tests/support/globalSetup.ts loaded with every season.
 */
export async function freshDatabase(options: { seeded?: boolean } = {}): Promise<TestDatabase> {
  if (!testDatabaseUrl) {
    const dumpFile = options.seeded ? inject("seededPgliteDump") : null;
    const pgliteDump = dumpFile ? new Blob([await readFile(dumpFile)]) : undefined;
    const handle = await openDatabase({ pgliteDir: "memory://", pgliteDump });
    await handle.migrate();
    return handle;
  }
  const name = `mirrorball_test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const template = options.seeded ? inject("seededPostgresTemplate") : null;
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
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

/** A database of its own with every season already loaded. */
export const seededDatabase = () => freshDatabase({ seeded: true });
