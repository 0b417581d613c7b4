import type { ApplicationCommandOptionChoiceData } from "discord.js";
import type { Database } from "../db/client.js";
import { latestSeasonNumber, listSeasonNumbers, seasonWeeks } from "../db/queries/seasons.js";
import { clip, limits } from "../views/limits.js";

/** Autocomplete for a season option: newest first, filtered by the digits typed. */
export async function seasonChoices(
  db: Database,
  typed: string,
): Promise<ApplicationCommandOptionChoiceData<number>[]> {
  const seasons = (await listSeasonNumbers(db)).reverse();
  return seasons
    .filter((s) => String(s).startsWith(typed.trim()))
    .slice(0, limits.selectOptions)
    .map((s) => ({ name: `Season ${s}`, value: s }));
}

/** Autocomplete for a week option: the weeks of the chosen (or latest) season, with their themes. */
export async function weekChoices(
  db: Database,
  season: number | null,
  typed: string,
): Promise<ApplicationCommandOptionChoiceData<number>[]> {
  const number = season ?? (await latestSeasonNumber(db));
  const index = number === null ? null : await seasonWeeks(db, number);
  if (!index) return [];
  const seen = new Set<number>();
  return index.weeks
    .filter((w) => !seen.has(w.number) && seen.add(w.number) && String(w.number).startsWith(typed.trim()))
    .slice(0, limits.selectOptions)
    .map((w) => ({
      name: clip(`Week ${w.number}${w.theme ? ` — ${w.theme}` : ""}`, limits.choiceName),
      value: w.number,
    }));
}
