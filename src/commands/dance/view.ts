import { EmbedBuilder } from "@discordjs/builders";
import type { StyleBest } from "../../lookups/dance.js";
import { averagePerJudge } from "../../lookups/scores.js";
import { colors, plain } from "../../views/format.js";
import { clip, fitLines, limits } from "../../views/limits.js";
import { drawnOnce } from "../../views/memo.js";
import { clampPage, pageRow } from "../../views/pages.js";
import { danceLabel } from "../../views/scores.js";
import type { View } from "../../views/view.js";
import { danceIds } from "./ids.js";

export const dancesPerPage = 10;

/** The style travels folded ("argentine tango") so the button finds it again after a restart. */
const danceId = (season: number | null, page: number, key: string) =>
  danceIds.page.encode(season ?? 0, page, key.slice(0, 80));

function danceViewNow(best: StyleBest, page = 0): View {
  const pages = Math.max(1, Math.ceil(best.dances.length / dancesPerPage));
  const current = clampPage(page, pages);
  const start = current * dancesPerPage;
  const lines = best.dances
    .slice(start, start + dancesPerPage)
    .map((d, i) => `${start + i + 1}. ${danceLabel(d, { couple: true, song: true, style: false })}`);
  const where = best.season ? ` in season ${best.season}` : "";
  const average = averagePerJudge(best.dances);
  const description = [
    `${best.dances.length} scored ${plain(best.style)} dance${best.dances.length === 1 ? "" : "s"}${where}${average === null ? "" : `, averaging ${average.toFixed(2)} per judge`}.`,
    "",
    fitLines(lines, limits.description - 300),
  ].join("\n");
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(clip(`Best-scored ${best.style}${where}`, limits.title))
    .setDescription(clip(description, limits.description))
    .setFooter({
      text: `${pages > 1 ? `Page ${current + 1}/${pages} · ` : ""}Ranked by mark per judge, so panels of 3 and 4 compare fairly`,
    });
  return { embeds: [embed.toJSON()], components: pageRow((p) => danceId(best.season, p, best.key), current, pages) };
}

/** Drawn once per remembered lookup and page (src/views/memo.ts). */
export const danceView = drawnOnce(danceViewNow);
