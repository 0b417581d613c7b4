import { upsertCouple } from "../../admin/edits.js";
import type { BotContext } from "../../context.js";

import { edit, type Slash, seasonOf } from "./edit.js";

/** `/admin couple`. */
export async function couple(interaction: Slash, ctx: BotContext): Promise<void> {
  const celebrity = interaction.options.getString("celebrity", true).trim();
  const pro = interaction.options.getString("pro", true).trim();
  const notability = interaction.options.getString("notability");
  await edit(interaction, ctx, {
    season: seasonOf(interaction),
    action: "couple",
    headline: `${celebrity} & ${pro}`,
    edit: (doc) => upsertCouple(doc, { celebrity, pro, notability: notability?.trim() || undefined }),
  });
}
