import { parseScores, setScores } from "../../admin/edits.js";
import type { BotContext } from "../../context.js";

import { edit, type Slash, seasonOf, weekOf } from "./edit.js";

/** `/admin scores`. */
export async function scores(interaction: Slash, ctx: BotContext): Promise<void> {
  const couple = interaction.options.getString("couple", true);
  const scores = parseScores(interaction.options.getString("scores", true));
  await edit(interaction, ctx, {
    season: seasonOf(interaction),
    action: "scores",
    headline: `Scores corrected: ${couple}, week ${weekOf(interaction)}`,
    edit: (doc) =>
      setScores(doc, { week: weekOf(interaction), couple, dance: interaction.options.getInteger("dance"), scores }),
  });
}
