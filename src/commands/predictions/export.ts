import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { requireManageServer } from "../../discord/access.js";
import { respond } from "../../discord/respond.js";
import { predictionsCsv } from "../../exports/csv.js";
import { exportView } from "../../views/exports.js";

/** /predictions export: the server's prediction ledger as CSV, privately, for Manage Server. */
export async function exportPredictions(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = requireManageServer(interaction, "Export predictions");
  await respond(interaction, async () => exportView(await predictionsCsv(ctx.db, guildId), "Prediction points"), {
    ephemeral: true,
  });
}
