/** Seasons as data/ ships them, and season 34 rewound to its premiere for the season feed's replays. */
import { readFileSync } from "node:fs";
import { checkSeason } from "../../src/admin/validate.js";
import type { SeasonFile } from "../../src/data/seasonFile.js";
import { projectPath } from "../../src/paths.js";

/** data/seasons/season-NN.json, checked by the same rules as every load. */
export function shippedSeason(season: number): SeasonFile {
  const text = readFileSync(projectPath("data", "seasons", `season-${String(season).padStart(2, "0")}.json`), "utf8");
  const checked = checkSeason(JSON.parse(text));
  if (!checked.ok) throw new Error(checked.problems.join("\n"));
  return checked.season;
}

/** A season as it stood at its premiere: the cast and the scheduled nights, nothing danced or decided. */
export function atPremiere(full: SeasonFile): SeasonFile {
  return {
    ...full,
    couples: full.couples.map(({ withdrew: _, ...c }) => ({
      ...c,
      placement: null,
      result: "Competing",
      exitWeek: null,
    })),
    weeks: full.weeks.map((w) => ({
      week: w.week,
      status: "scheduled" as const,
      airDate: w.airDate,
      theme: w.theme,
      judges: [],
      performances: [],
    })),
  };
}
