import { setWeekBonus } from "../../admin/edits.js";
import type { BotContext } from "../../context.js";

import { edit, type Slash, seasonOf, weekOf } from "./edit.js";

/** `/admin bonus`. */
export async function bonus(interaction: Slash, ctx: BotContext): Promise<void> {
  const couple = interaction.options.getString("couple", true);
  const points = interaction.options.getNumber("points", true);
  await edit(interaction, ctx, {
    season: seasonOf(interaction),
    action: "bonus",
    headline: `Bonus: ${couple}, week ${weekOf(interaction)}`,
    edit: (doc) =>
      setWeekBonus(doc, { week: weekOf(interaction), couple, points, reason: interaction.options.getString("reason") }),
  });
}
