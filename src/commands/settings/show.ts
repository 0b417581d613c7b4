import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { getGuildSettings } from "../../db/queries/guilds.js";
import { respond } from "../../discord/respond.js";
import { settingsView } from "./view.js";

/** `/settings show`: what this server has chosen. */
export async function show(interaction: ChatInputCommandInteraction<"cached" | "raw">, { db }: BotContext) {
  await respond(interaction, async () => settingsView(await getGuildSettings(db, interaction.guildId)), {
    ephemeral: true,
  });
}
