import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { getGuildSettings, setSpoilerHours } from "../../db/queries/guilds.js";
import { respond } from "../../discord/respond.js";
import { settingsView } from "./view.js";

/** `/settings spoilers hours`: how long the newest week's /results stay behind spoiler bars after it airs. */
export async function spoilers(interaction: ChatInputCommandInteraction<"cached" | "raw">, { db, live }: BotContext) {
  const hours = interaction.options.getInteger("hours", true);
  await setSpoilerHours(db, interaction.guildId, hours);
  // /results remembers each server's guard: every process forgets it now.
  await live.settingsChanged();
  const changed =
    hours > 0 ? `Spoiler guard set to ${hours} hour${hours === 1 ? "" : "s"}.` : "Spoiler guard turned off.";
  await respond(interaction, async () => settingsView(await getGuildSettings(db, interaction.guildId), changed), {
    ephemeral: true,
  });
}
