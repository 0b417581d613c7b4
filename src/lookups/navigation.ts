import type { Database } from "../db/client.js";
import { UserError } from "../errors.js";
import { weekIndex } from "../seasons/queries.js";
import { remembered } from "../seasons/store.js";
import { resolveSeason } from "./seasons.js";

/** Moving to another season keeps the week number when that season has it, else lands on its last week. */
async function nearestWeekNow(db: Database, season: number, wanted: number): Promise<number> {
  const { number } = await resolveSeason(db, season);
  const index = await weekIndex(db, number);
  const weeks = [...new Set(index?.weeks.map((w) => w.number) ?? [])];
  const last = weeks.at(-1);
  if (last === undefined) throw new UserError(`Season ${number} has no weeks recorded yet.`);
  return weeks.includes(wanted) ? wanted : last;
}

/** Answered from memory after the first time (src/seasons/store.ts). */
export const nearestWeek = remembered("nearestWeek", nearestWeekNow);
