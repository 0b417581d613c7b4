import type { AutocompleteInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { listLeagues } from "../../db/queries/leagues/index.js";
import { seasonChoices } from "../../discord/choices.js";

/** Seasons, and the server's leagues (newest first) for the `league` option. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value).toLowerCase();
  if (focused.name === "season") return interaction.respond(await seasonChoices(ctx.db, typed));
  if (focused.name === "league" && interaction.guildId) {
    const leagues = await listLeagues(ctx.db, interaction.guildId);
    return interaction.respond(
      leagues
        .filter((l) => `${l.id} ${l.name}`.toLowerCase().includes(typed))
        .map((l) => ({ name: `#${l.id} ${l.name}`.slice(0, 100), value: l.id })),
    );
  }
}
