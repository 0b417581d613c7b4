import { setSaveVote } from "../../admin/edits.js";
import type { BotContext } from "../../context.js";

import { edit, type Slash, seasonOf, weekOf } from "./edit.js";

/** `/admin save`. */
export async function save(interaction: Slash, ctx: BotContext): Promise<void> {
  const judge = interaction.options.getString("judge", true);
  const saved = interaction.options.getString("couple", true);
  await edit(interaction, ctx, {
    season: seasonOf(interaction),
    action: "judges' save",
    headline: `Judges' save, week ${weekOf(interaction)}: ${judge} saves ${saved}`,
    edit: (doc) => setSaveVote(doc, { week: weekOf(interaction), judge, saved }),
  });
}
