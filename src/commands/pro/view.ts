import { EmbedBuilder } from "@discordjs/builders";
import type { ProCareer, ProSeason } from "../../lookups/pro.js";
import { colors, ordinal, plain, score } from "../../views/format.js";
import { clip, limits, linesToFields } from "../../views/limits.js";
import { drawnOnce } from "../../views/memo.js";
import { clampPage, pageRow } from "../../views/pages.js";
import { danceLabel } from "../../views/scores.js";
import type { View } from "../../views/view.js";
import { proIds } from "./ids.js";

// "pro", not "pr": /predictions owns the "pr" prefix for its leaderboard pages.
const proId = (personId: number, page: number) => proIds.page.encode(personId, page);

/** Seasons per page: one field of them keeps each page short to read. */
export const proSeasonsPerPage = 12;

function seasonLine(s: ProSeason): string {
  const place = s.placement === 1 ? "🏆 Winner" : s.placement ? `${ordinal(s.placement)} place` : plain(s.result);
  const average =
    s.average === null
      ? "no dance-by-dance scores"
      : `avg ${s.average.toFixed(2)} over ${s.dances} dance${s.dances === 1 ? "" : "s"}`;
  const perfect = s.perfect ? ` · ${s.perfect} perfect` : "";
  return `**S${s.season}** · ${plain(s.celebrity)} · ${place} · ${average}${perfect}`;
}

function proViewNow(career: ProCareer, page = 0): View {
  const lines: string[] = [];
  const n = career.seasons.length;
  lines.push(`${n} season${n === 1 ? "" : "s"} as a pro (${career.seasons.map((s) => s.season).join(", ")})`);
  if (career.titles.length > 0) {
    const titles = career.titles.map((t) => `season ${t.season} with ${plain(t.celebrity)} (${t.trophy})`);
    lines.push(`🏆 ${career.titles.length} title${career.titles.length === 1 ? "" : "s"}: ${titles.join("; ")}`);
  } else {
    lines.push("No titles yet.");
  }
  lines.push(
    career.average === null
      ? "No dance-by-dance scores are recorded for their couples."
      : `Average mark **${career.average.toFixed(2)}** per judge over ${career.dances} scored dances`,
  );
  if (career.best) lines.push(`Best-scored dance: ${danceLabel(career.best)}`);
  const pages = Math.max(1, Math.ceil(n / proSeasonsPerPage));
  const current = clampPage(page, pages);
  const shown = career.seasons.slice(current * proSeasonsPerPage, (current + 1) * proSeasonsPerPage);
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(clip(`${career.name} — pro`, limits.title))
    .setDescription(clip(lines.join("\n"), limits.description))
    .addFields(linesToFields("Season by season", shown.map(seasonLine)).slice(0, 4))
    .setFooter({
      text: `${pages > 1 ? `Page ${current + 1}/${pages} · ` : ""}Averages are judges' marks out of 10 · ${score(n)} seasons`,
    });
  return { embeds: [embed.toJSON()], components: pageRow((p) => proId(career.personId, p), current, pages) };
}

/** Drawn once per remembered lookup and page (src/views/memo.ts). */
export const proView = drawnOnce(proViewNow);
