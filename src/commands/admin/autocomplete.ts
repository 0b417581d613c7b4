import type { AutocompleteInteraction } from "discord.js";
import { currentSeason } from "../../admin/seasons.js";
import type { BotContext } from "../../context.js";
import { listLiveSeasons } from "../../db/queries/liveSeasons.js";
import { searchPeople } from "../../db/queries/people.js";
import { listSeasonNumbers } from "../../db/queries/seasons.js";
import { foldName } from "../../text/names.js";
import { clip, limits } from "../../views/limits.js";

type Choice = { name: string; value: string };

const starts = (typed: string) => {
  const folded = foldName(typed);
  return (name: string) => foldName(name).includes(folded);
};

/** Suggestions for the owners: live seasons, the season's couples and panel, and people already in the records. */
export async function adminAutocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  if (focused.name === "season") {
    // The seasons run from Discord, then the rest of the records (an owner's first change takes one over).
    const [live, loaded] = await Promise.all([listLiveSeasons(ctx.db), listSeasonNumbers(ctx.db)]);
    const seasons = [...new Set([...live, ...loaded.reverse()])];
    await interaction.respond(
      seasons
        .filter((s) => String(s).startsWith(typed.trim()))
        .slice(0, limits.selectOptions)
        .map((s) => ({ name: `Season ${s}`, value: s })),
    );
    return;
  }
  const season = interaction.options.getInteger("season");
  const doc = season === null ? null : (await currentSeason(ctx.db, season))?.document;
  let choices: Choice[] = [];
  if (focused.name === "celebrity") {
    choices = (await searchPeople(ctx.db, foldName(typed))).map((n) => ({ name: n, value: n }));
  } else if (focused.name === "pro") {
    choices = ctx.pros.suggest(typed);
  } else if (focused.name === "guest_judge") {
    choices = ctx.judges.suggest(typed);
  } else if (focused.name === "judge") {
    const week = interaction.options.getInteger("week");
    const panel = doc?.weeks.find((w) => w.week === week)?.judges ?? doc?.judges ?? [];
    choices = panel.filter(starts(typed)).map((j) => ({ name: j, value: j }));
  } else if (doc) {
    // Every other name option is a couple of the season, by celebrity.
    choices = doc.couples
      .filter((c) => starts(typed)(`${c.celebrity} ${c.pro}`))
      .map((c) => ({
        name: `${c.celebrity} & ${c.pro}${c.exitWeek ? ` (left week ${c.exitWeek})` : ""}`,
        value: c.celebrity,
      }));
  }
  await interaction.respond(
    choices
      .slice(0, limits.selectOptions)
      .map((c) => ({ name: clip(c.name, limits.choiceName), value: clip(c.value, 100) })),
  );
}
