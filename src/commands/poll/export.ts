import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { requireManageServer } from "../../discord/access.js";
import { respond } from "../../discord/respond.js";
import { pollVotesCsv } from "../../exports/csv.js";
import { exportView } from "../../views/exports.js";

/** /poll export: a closed poll's votes as CSV, privately, for Manage Server. */
export async function exportVotes(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = requireManageServer(interaction, "Export poll votes");
  const pollId = interaction.options.getInteger("poll", true);
  await respond(
    interaction,
    async () => exportView(await pollVotesCsv(ctx.db, guildId, pollId), `Poll #${pollId}'s votes`),
    {
      ephemeral: true,
    },
  );
}
