import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { seasons, weeks } from "../schema/index.js";

export interface SeasonWeekIndex {
  season: number;
  seasonId: number;
  /** `status` is null for a week that aired, "announced" or "scheduled" for one of a season on the air. */
  weeks: {
    id: number;
    number: number;
    label: string;
    theme: string | null;
    status: "announced" | "scheduled" | null;
  }[];
}

/** Season numbers that have at least one week, oldest first. */
export async function listSeasonNumbers(db: Database, franchise = "dwts-us"): Promise<number[]> {
  const rows = await db
    .select({ number: seasons.number })
    .from(seasons)
    .where(
      and(
        eq(seasons.franchise, franchise),
        sql`exists (select 1 from ${weeks} where ${weeks.seasonId} = ${seasons.id})`,
      ),
    )
    .orderBy(asc(seasons.number));
  return rows.map((r) => r.number);
}

export async function latestSeasonNumber(db: Database, franchise = "dwts-us"): Promise<number | null> {
  const [row] = await db
    .select({ number: seasons.number })
    .from(seasons)
    .where(eq(seasons.franchise, franchise))
    .orderBy(desc(seasons.number))
    .limit(1);
  return row?.number ?? null;
}

export async function seasonWeeks(
  db: Database,
  season: number,
  franchise = "dwts-us",
): Promise<SeasonWeekIndex | null> {
  const [s] = await db
    .select({ id: seasons.id })
    .from(seasons)
    .where(and(eq(seasons.franchise, franchise), eq(seasons.number, season)));
  if (!s) return null;
  const rows = await db
    .select({ id: weeks.id, number: weeks.number, label: weeks.label, theme: weeks.theme, status: weeks.status })
    .from(weeks)
    .where(eq(weeks.seasonId, s.id))
    .orderBy(asc(weeks.number), asc(weeks.label));
  return { season, seasonId: s.id, weeks: rows };
}

/** Whether the season is in the database at all (loaded from data/ or by the owners). */
export async function seasonIsLoaded(db: Database, season: number, franchise = "dwts-us"): Promise<boolean> {
  const [row] = await db
    .select({ id: seasons.id })
    .from(seasons)
    .where(and(eq(seasons.franchise, franchise), eq(seasons.number, season)));
  return row !== undefined;
}
