import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import { couples, people, seasonStaff, seasons, weekJudges, weeks } from "../schema/index.js";

const celebrity = alias(people, "celebrity");

export interface PersonEntry {
  personId: number;
  name: string;
  /** Seasons in which they had this role, oldest first. */
  seasons: number[];
}

/** Every pro with the seasons they partnered a celebrity: what the pro name index is built from. */
export async function listPros(db: Database): Promise<PersonEntry[]> {
  const rows = await db
    .selectDistinct({ personId: people.id, name: people.name, season: seasons.number })
    .from(couples)
    .innerJoin(people, eq(people.id, couples.proId))
    .innerJoin(seasons, eq(seasons.id, couples.seasonId));
  return groupSeasons(rows);
}

/** Everyone who scored at least one week, regulars and guests, or sat on a season's panel. */
export async function listJudges(db: Database): Promise<PersonEntry[]> {
  const [panel, scored] = await Promise.all([
    db
      .selectDistinct({ personId: people.id, name: people.name, season: seasons.number })
      .from(seasonStaff)
      .innerJoin(people, eq(people.id, seasonStaff.personId))
      .innerJoin(seasons, eq(seasons.id, seasonStaff.seasonId))
      .where(eq(seasonStaff.role, "judge")),
    db
      .selectDistinct({ personId: people.id, name: people.name, season: seasons.number })
      .from(weekJudges)
      .innerJoin(people, eq(people.id, weekJudges.personId))
      .innerJoin(weeks, eq(weeks.id, weekJudges.weekId))
      .innerJoin(seasons, eq(seasons.id, weeks.seasonId)),
  ]);
  return groupSeasons([...panel, ...scored]);
}

function groupSeasons(rows: { personId: number; name: string; season: number }[]): PersonEntry[] {
  const byId = new Map<number, PersonEntry>();
  for (const r of rows) {
    const entry = byId.get(r.personId) ?? { personId: r.personId, name: r.name, seasons: [] };
    if (!entry.seasons.includes(r.season)) entry.seasons.push(r.season);
    byId.set(r.personId, entry);
  }
  for (const e of byId.values()) e.seasons.sort((a, b) => a - b);
  return [...byId.values()];
}

/** A pro's couples, season by season. */
export async function listProCouples(db: Database, proId: number) {
  return db
    .select({
      coupleId: couples.id,
      season: seasons.number,
      trophy: seasons.trophy,
      celebrity: celebrity.name,
      placement: couples.placement,
      result: couples.result,
      withdrew: couples.withdrew,
    })
    .from(couples)
    .innerJoin(seasons, eq(seasons.id, couples.seasonId))
    .innerJoin(celebrity, eq(celebrity.id, couples.celebrityId))
    .where(eq(couples.proId, proId))
    .orderBy(asc(seasons.number));
}

export async function findPerson(db: Database, personId: number): Promise<{ id: number; name: string } | null> {
  const [row] = await db.select({ id: people.id, name: people.name }).from(people).where(eq(people.id, personId));
  return row ?? null;
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
