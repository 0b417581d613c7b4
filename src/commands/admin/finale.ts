import { setFinale } from "../../admin/edits.js";
import type { BotContext } from "../../context.js";

import { edit, type Slash, seasonOf, weekOf } from "./edit.js";

/** `/admin finale`. */
export async function finale(interaction: Slash, ctx: BotContext): Promise<void> {
  const placements = ["first", "second", "third", "fourth", "fifth"].flatMap((o) => {
    const name = interaction.options.getString(o);
    return name ? [[name]] : [];
  });
  await edit(interaction, ctx, {
    season: seasonOf(interaction),
    action: "finale",
    headline: `Season ${seasonOf(interaction)} finale: ${placements[0]?.[0]} wins`,
    edit: (doc) => setFinale(doc, { week: weekOf(interaction), placements }),
  });
}
