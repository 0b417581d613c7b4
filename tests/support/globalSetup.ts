import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client.js";
import { seedSeasons } from "../../src/seed/seasons.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A gzipped PGlite data folder with every season loaded (when the suite runs on PGlite). */
    seededPgliteDump: string | null;
    /** A PostgreSQL database with every season loaded, to clone with CREATE DATABASE … TEMPLATE. */
    seededPostgresTemplate: string | null;
  }
}

/** Changes whenever the migrations or the season files do, so a stale template is never reused. */
async function contentKey(): Promise<string> {
  const hash = createHash("sha256");
  for (const dir of ["drizzle", "data/seasons"]) {
    for (const name of (await readdir(dir)).filter((n) => /\.(sql|json)$/.test(n)).sort()) {
      hash.update(name).update(await readFile(join(dir, name)));
    }
  }
  return hash.digest("hex").slice(0, 16);
}

/**
 * Loads every season once per test run, so database and end-to-end test files clone a seeded database in a moment
 * instead of each seeding 34 seasons.
 */
export default async function setup(project: TestProject): Promise<void> {
  const key = await contentKey();
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dir = ".data/test-cache";
    const file = join(dir, `seeded-${key}.tar.gz`);
    if (!existsSync(file)) {
      const handle = await openDatabase({ pgliteDir: "memory://" });
      await handle.migrate();
      await seedSeasons(handle.db);
      const dump = await handle.dump?.();
      await handle.close();
      if (!dump) throw new Error("could not dump the seeded PGlite database");
      await mkdir(dir, { recursive: true });
      await writeFile(`${file}.tmp`, Buffer.from(await dump.arrayBuffer()));
      await rename(`${file}.tmp`, file);
    }
    project.provide("seededPgliteDump", file);
    project.provide("seededPostgresTemplate", null);
    return;
  }
  const template = `mirrorball_template_${key}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${template}`;
    if (!exists) {
      // A name of its own, so two suites starting at once on one server never build into the same database.
      const building = `${template}_b${process.pid}`;
      await admin.unsafe(`drop database if exists ${building} with (force)`);
      await admin.unsafe(`create database ${building}`);
      const target = new URL(url);
      target.pathname = `/${building}`;
      const handle = await openDatabase({ url: target.toString() });
      await handle.migrate();
      await seedSeasons(handle.db);
      await handle.close();
      try {
        await admin.unsafe(`alter database ${building} rename to ${template}`);
      } catch (error) {
        // Another suite finished the same template first: use theirs.
        await admin.unsafe(`drop database if exists ${building} with (force)`);
        const [built] = await admin`select 1 from pg_database where datname = ${template}`;
        if (!built) throw error;
      }
    }
  } finally {
    await admin.end();
  }
  project.provide("seededPgliteDump", null);
  project.provide("seededPostgresTemplate", template);
}
