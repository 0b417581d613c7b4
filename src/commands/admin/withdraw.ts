import { setExits } from "../../admin/edits.js";
import type { BotContext } from "../../context.js";

import { edit, type Slash, seasonOf, weekOf } from "./edit.js";

/** `/admin withdraw`. */
export async function withdraw(interaction: Slash, ctx: BotContext): Promise<void> {
  const couple = interaction.options.getString("couple", true);
  await edit(interaction, ctx, {
    season: seasonOf(interaction),
    action: "withdraw",
    headline: `Week ${weekOf(interaction)}: ${couple} withdrew`,
    edit: (doc) => {
      const already = doc.weeks
        .find((w) => w.week === weekOf(interaction))
        ?.results?.filter((r) => r.outcome === "withdrew")
        .map((r) => r.couple);
      return setExits(doc, { week: weekOf(interaction), couples: [...(already ?? []), couple], outcome: "withdrew" });
    },
  });
}
