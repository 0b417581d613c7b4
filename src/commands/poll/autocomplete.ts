import type { AutocompleteInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { openPolls } from "../../db/queries/polls/index.js";
import { seasonChoices } from "../../discord/choices.js";

/** Seasons, IANA time zones, and the server's open polls (for /poll close). */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  if (focused.name === "season") return interaction.respond(await seasonChoices(ctx.db, typed));
  if (focused.name === "timezone") {
    const query = typed.toLowerCase().replace(/\s+/g, "_");
    const zones = Intl.supportedValuesOf("timeZone").filter((z) => z.toLowerCase().includes(query));
    return interaction.respond(zones.slice(0, 25).map((z) => ({ name: z, value: z })));
  }
  if (focused.name === "poll" && interaction.guildId) {
    const open = await openPolls(ctx.db, interaction.guildId);
    return interaction.respond(
      open
        .filter((p) => `${p.id} ${p.question}`.toLowerCase().includes(typed.toLowerCase()))
        .map((p) => ({ name: `#${p.id} ${p.question}`.slice(0, 100), value: p.id })),
    );
  }
}
