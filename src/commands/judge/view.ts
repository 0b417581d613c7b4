import { EmbedBuilder } from "@discordjs/builders";
import type { JudgeRecord, JudgeSeason, MarkTally } from "../../lookups/judge.js";
import { describeRange } from "../../lookups/ranges.js";
import { colors, plain } from "../../views/format.js";
import { clip, limits, linesToFields } from "../../views/limits.js";
import { drawnOnce } from "../../views/memo.js";
import { clampPage, pageRow } from "../../views/pages.js";
import type { View } from "../../views/view.js";
import { judgeIds } from "./ids.js";

const judgeId = (personId: number, page: number) => judgeIds.page.encode(personId, page);
export const judgeSeasonsPerPage = 12;

/** "+0.31 above the rest of the panel" in words a fan reads at a glance. */
export function versusPanel(t: MarkTally): string {
  if (t.versusPanel === null) return "no other judge scored the same dances";
  const gap = Math.abs(t.versusPanel).toFixed(2);
  if (Math.abs(t.versusPanel) < 0.005) return "level with the rest of the panel";
  return `${gap} ${t.versusPanel > 0 ? "above" : "below"} the rest of the panel`;
}

function seasonLine(s: JudgeSeason): string {
  const role = s.role === "guest" ? "guest" : "panel";
  const weeks = s.weeks ? `${s.weeks} week${s.weeks === 1 ? "" : "s"}` : "weeks not recorded";
  const marks =
    s.average === null
      ? "no dance-by-dance marks recorded"
      : `avg ${s.average.toFixed(2)} · ${s.tens} ten${s.tens === 1 ? "" : "s"} · ${s.versusPanel === null ? "alone" : `${s.versusPanel >= 0 ? "+" : "−"}${Math.abs(s.versusPanel).toFixed(2)} vs panel`}`;
  return `**S${s.season}** · ${role} · ${weeks} · ${marks}`;
}

function judgeViewNow(record: JudgeRecord, page = 0): View {
  const regular = record.seasons.filter((s) => s.role === "panel").map((s) => s.season);
  const guest = record.seasons.filter((s) => s.role === "guest").map((s) => s.season);
  const lines: string[] = [];
  if (regular.length)
    lines.push(
      `On the panel: season ${describeRange(regular)} (${regular.length} season${regular.length === 1 ? "" : "s"})`,
    );
  if (guest.length) lines.push(`Guest judge: season ${describeRange(guest)}`);
  if (record.average === null) {
    lines.push("No dance-by-dance marks of theirs are recorded.");
  } else {
    lines.push(
      `Average mark given: **${record.average.toFixed(2)}** over ${record.marks} dances · **${record.tens}** tens`,
      `Against the panel: ${versusPanel(record)}${record.panelAverage === null ? "" : ` (the others averaged ${record.panelAverage.toFixed(2)} on the same dances)`}`,
    );
  }
  const pages = Math.max(1, Math.ceil(record.seasons.length / judgeSeasonsPerPage));
  const current = clampPage(page, pages);
  const shown = record.seasons.slice(current * judgeSeasonsPerPage, (current + 1) * judgeSeasonsPerPage);
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(clip(`${plain(record.name)} — judge`, limits.title))
    .setDescription(clip(lines.join("\n"), limits.description))
    .addFields(linesToFields("Season by season", shown.map(seasonLine)).slice(0, 4))
    .setFooter({
      text: `${pages > 1 ? `Page ${current + 1}/${pages} · ` : ""}Marks out of 10; "vs panel" compares with the other judges on the same dances`,
    });
  return { embeds: [embed.toJSON()], components: pageRow((p) => judgeId(record.personId, p), current, pages) };
}

/** Drawn once per remembered lookup and page (src/views/memo.ts). */
export const judgeView = drawnOnce(judgeViewNow);
