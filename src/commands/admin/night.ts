import { upsertNight } from "../../admin/edits.js";
import type { BotContext } from "../../context.js";

import { dateOrNull, edit, type Slash, seasonOf, weekOf } from "./edit.js";

/** `/admin night`. */
export async function night(interaction: Slash, ctx: BotContext): Promise<void> {
  const number = weekOf(interaction);
  const airDate = dateOrNull(interaction.options.getString("date"), "The date");
  const guest = interaction.options.getString("guest_judge")?.trim();
  await edit(interaction, ctx, {
    season: seasonOf(interaction),
    action: "night",
    headline: `Week ${number}${interaction.options.getString("theme") ? ` — ${interaction.options.getString("theme")}` : ""}`,
    edit: (doc) =>
      upsertNight(doc, {
        week: number,
        airDate,
        theme: interaction.options.getString("theme")?.trim() || null,
        guestJudges: guest ? [guest] : [],
      }),
  });
}
