import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { getLiveSeason } from "../../db/queries/liveSeasons.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";

/** `/admin export season:` the season's document as a file, to keep, correct offline or import elsewhere. */
export async function exportFile(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const season = interaction.options.getInteger("season", true);
  await respond(
    interaction,
    async () => {
      const live = await getLiveSeason(ctx.db, season);
      if (!live)
        throw new UserError(
          `Season ${season} is not run from Discord; its file is data/seasons/season-${season}.json.`,
        );
      const name = `season-${String(season).padStart(2, "0")}.json`;
      return {
        content: `Season ${season} as of revision ${live.revision}.`,
        embeds: [],
        components: [],
        files: [{ name, data: Buffer.from(`${JSON.stringify(live.document, null, 2)}\n`) }],
      };
    },
    { ephemeral: true },
  );
}
