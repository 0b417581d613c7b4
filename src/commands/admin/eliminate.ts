import { setExits } from "../../admin/edits.js";
import type { BotContext } from "../../context.js";

import { edit, type Slash, seasonOf, weekOf } from "./edit.js";

/** `/admin eliminate`. */
export async function eliminate(interaction: Slash, ctx: BotContext): Promise<void> {
  const couples = ["couple", "couple2"].flatMap((o) => interaction.options.getString(o) ?? []);
  await edit(interaction, ctx, {
    season: seasonOf(interaction),
    action: "eliminate",
    headline: couples.length
      ? `Week ${weekOf(interaction)}: ${couples.join(" and ")} eliminated`
      : `Week ${weekOf(interaction)}: no elimination`,
    edit: (doc) => setExits(doc, { week: weekOf(interaction), couples, outcome: "eliminated" }),
  });
}
