import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { requireManageServer } from "../../discord/access.js";
import { respond } from "../../discord/respond.js";
import { leagueCsv } from "../../exports/csv.js";
import { exportView } from "../../views/exports.js";
import { chosenLeague } from "./access.js";

/** /league export: a league's points as CSV, privately, for Manage Server. */
export async function exportLeague(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = requireManageServer(interaction, "Export a league");
  const league = await chosenLeague(ctx, interaction, interaction.options.getInteger("league"));
  await respond(
    interaction,
    async () => exportView(await leagueCsv(ctx.db, guildId, league.id), `${league.name}'s points`),
    { ephemeral: true },
  );
}
