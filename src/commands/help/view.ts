import { EmbedBuilder } from "@discordjs/builders";
import type { HelpEntry } from "../../lookups/help.js";
import { colors } from "../../views/format.js";
import { clip, type Field, limits, paginateFields } from "../../views/limits.js";
import { clampPage, pageRow } from "../../views/pages.js";
import type { View } from "../../views/view.js";
import { helpIds } from "./ids.js";

const helpId = (page: number) => helpIds.page.encode(page);

function entryField(e: HelpEntry): Field {
  const lines = [e.description, `Example: \`${e.example}\``];
  if (e.needs) lines.push(`Needs the ${e.needs} permission.`);
  return { name: clip(e.usage, limits.fieldName), value: clip(lines.join("\n"), limits.fieldValue) };
}

export function helpView(entries: readonly HelpEntry[], page = 0): View {
  const description =
    "Every command I answer, with an example. Name options autocomplete as you type; buttons keep working.";
  const pages = paginateFields(entries.map(entryField), description.length + 80, 12);
  const current = clampPage(page, pages.length);
  const embed = new EmbedBuilder()
    .setColor(colors.info)
    .setTitle("Mirrorball: what I can look up")
    .setDescription(description)
    .addFields(pages[current] ?? [])
    .setFooter({
      text: `${pages.length > 1 ? `Page ${current + 1}/${pages.length} · ` : ""}${entries.length} commands`,
    });
  return { embeds: [embed.toJSON()], components: pageRow(helpId, current, pages.length) };
}
