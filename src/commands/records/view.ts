import { EmbedBuilder } from "@discordjs/builders";
import type { Records } from "../../lookups/records.js";
import type { CoupleTally } from "../../lookups/scores.js";
import { colors, plain } from "../../views/format.js";
import { clip, fitLines, limits } from "../../views/limits.js";
import { drawnOnce } from "../../views/memo.js";
import { danceLabel } from "../../views/scores.js";
import type { View } from "../../views/view.js";

const coupleText = (c: CoupleTally, season: boolean) =>
  `${plain(c.celebrity)} & ${plain(c.pro)}${season ? ` (S${c.season})` : ""}`;

function recordsViewNow(r: Records): View {
  const all = r.season === null;
  const numbered = (lines: string[]) =>
    lines.length ? fitLines(lines.map((l, i) => `${i + 1}. ${l}`)) : "None recorded.";
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(clip(all ? "Records: every season" : `Records: season ${r.season}`, limits.title))
    .setDescription(
      `Drawn from ${r.dances} scored dances. Highest and lowest count a couple's own dances (not team dances), by mark per judge.`,
    )
    .addFields(
      { name: "Highest scores", value: numbered(r.highest.map((d) => danceLabel(d, { couple: true }))) },
      { name: "Lowest scores", value: numbered(r.lowest.map((d) => danceLabel(d, { couple: true }))) },
      {
        name: "Most perfect scores",
        value: numbered(r.mostPerfect.map((c) => `**${c.perfect}** · ${coupleText(c, all)}`)),
      },
      {
        name: `Best averages (at least ${r.minDances} scored dances)`,
        value: numbered(
          r.bestAverages.map((c) => `**${c.average.toFixed(2)}** · ${coupleText(c, all)} · ${c.dances} dances`),
        ),
      },
    )
    .setFooter({
      text: all ? "Add season: to see one season's records" : "Leave out season: for the all-time records",
    });
  return { embeds: [embed.toJSON()], components: [] };
}

/** Drawn once per remembered lookup and page (src/views/memo.ts). */
export const recordsView = drawnOnce(recordsViewNow);
