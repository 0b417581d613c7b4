import { EmbedBuilder } from "@discordjs/builders";
import type { GuildSettings } from "../../db/queries/guilds.js";
import { colors } from "../../views/format.js";
import type { View } from "../../views/view.js";

export function spoilerSentence(hours: number): string {
  return hours > 0
    ? `🙈 /results hides the newest week's results behind spoiler bars for **${hours} hour${hours === 1 ? "" : "s"}** after it airs (8 pm Eastern).`
    : "/results shows every week's results openly (spoiler guard off).";
}

export function settingsView(settings: GuildSettings, changed?: string): View {
  const lines = [changed ? `✅ ${changed}` : "This server's settings:", "", spoilerSentence(settings.spoilerHours)];
  const embed = new EmbedBuilder()
    .setColor(colors.info)
    .setTitle("Mirrorball settings")
    .setDescription(lines.join("\n"))
    .setFooter({ text: "Change with /settings spoilers hours: (0 turns the guard off)" });
  return { embeds: [embed.toJSON()], components: [] };
}
