import { EmbedBuilder } from "@discordjs/builders";
import { colors } from "../../views/format.js";
import { clip, fitLines, limits } from "../../views/limits.js";
import type { View } from "../../views/view.js";
import type { HelpEntry } from "./entries.js";

/** What /help shows: the fans' commands grouped by what people do, and one line naming the moderators' commands. */
export interface HelpPage {
  groups: { title: string; entries: HelpEntry[] }[];
  moderators: HelpEntry[];
}

const line = (e: HelpEntry) => `\`${e.example}\` ${e.description}`;

/** One page, no buttons: a fan scans the groups and copies an example. */
export function helpView(page: HelpPage): View {
  const embed = new EmbedBuilder()
    .setColor(colors.info)
    .setTitle("Mirrorball: what you can do")
    .setDescription(
      "Every name autocompletes as you type and ignores case and accents (`xochitl`, `helio`). Buttons keep working.",
    )
    .addFields(
      page.groups.map((g) => ({
        name: clip(g.title, limits.fieldName),
        value: fitLines(g.entries.map(line), limits.fieldValue),
      })),
    );
  if (page.moderators.length > 0) {
    const names = page.moderators.map((e) => `\`/${e.name}\``).join(" · ");
    embed.addFields({
      name: "🛠️ For moderators",
      value: clip(`With Manage Server (or as a league's creator or a poll manager): ${names}.`, limits.fieldValue),
    });
  }
  const commands = page.groups.reduce((n, g) => n + g.entries.length, 0) + page.moderators.length;
  embed.setFooter({ text: `${commands} commands · /help` });
  return { embeds: [embed.toJSON()], components: [] };
}
