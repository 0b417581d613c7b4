import type { SlashCommandIntegerOption } from "@discordjs/builders";
import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from "discord.js";
import type { Database } from "../db/client.js";
import { latestSeason, seasonNumbers, weekIndex } from "../seasons/queries.js";
import { clip, limits } from "../views/limits.js";

/** Autocomplete for a season option: newest first, filtered by the digits typed. */
export async function seasonChoices(
  db: Database,
  typed: string,
): Promise<ApplicationCommandOptionChoiceData<number>[]> {
  const seasons = [...(await seasonNumbers(db))].reverse();
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
  const number = season ?? (await latestSeason(db));
  const index = number === null ? null : await weekIndex(db, number);
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

/** The `season` option most lookups share: a season number with autocomplete. */
export function seasonOption(description = "Season number (default: the latest)") {
  return (o: SlashCommandIntegerOption) =>
    o.setName("season").setDescription(description).setMinValue(1).setMaxValue(99).setAutocomplete(true);
}

/** The `week` option that goes with `seasonOption`. */
export function weekOption(description = "Week number (default: the season's latest)") {
  return (o: SlashCommandIntegerOption) =>
    o.setName("week").setDescription(description).setMinValue(1).setMaxValue(20).setAutocomplete(true);
}

/** Answers autocomplete for a command's `season` and `week` options (the week's choices follow the chosen season). */
export async function seasonWeekChoices(
  db: Database,
  interaction: AutocompleteInteraction,
): Promise<ApplicationCommandOptionChoiceData<number>[]> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === "week") return weekChoices(db, interaction.options.getInteger("season"), String(focused.value));
  return seasonChoices(db, String(focused.value));
}
