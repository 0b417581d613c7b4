import { EmbedBuilder } from "@discordjs/builders";
import type { CastMember, SeasonOverview } from "../../lookups/season.js";
import { colors, longDate, ordinal, plain } from "../../views/format.js";
import { clip, limits, linesToFields } from "../../views/limits.js";
import { drawnOnce } from "../../views/memo.js";
import { neighbourRow, neighbours } from "../../views/pages.js";
import type { View } from "../../views/view.js";
import { seasonIds } from "./ids.js";

const seasonId = (season: number) => seasonIds.season.encode(season);

function castLine(c: CastMember): string {
  const place = c.placement ? `**${ordinal(c.placement)}**` : "–";
  const medal = c.placement === 1 ? "🏆 " : "";
  return `${medal}${place} ${plain(c.celebrity)} & ${plain(c.pro)} — ${plain(c.result)}`;
}

function seasonViewNow(s: SeasonOverview): View {
  const lines: string[] = [];
  if (s.winners.length > 0) {
    const who = s.winners.map((w) => `**${plain(w.celebrity)} & ${plain(w.pro)}**`).join(" and ");
    lines.push(`🏆 ${who} won the ${s.trophy}.`);
  } else {
    lines.push(`No winner is recorded yet for the ${s.trophy}.`);
  }
  lines.push(
    `Premiere: ${longDate(s.premiere) ?? "not recorded"} · Finale: ${longDate(s.finale) ?? "not recorded"}`,
    `Hosts: ${s.hosts.length ? plain(s.hosts.join(", ")) : "not recorded"}`,
    `Judges: ${s.judges.length ? plain(s.judges.join(", ")) : "not recorded"}`,
  );
  const weeks = `${s.weekCount} week${s.weekCount === 1 ? "" : "s"} · ${s.cast.length} couples`;
  const noElim = s.noEliminationWeeks.length ? ` · no elimination in week ${s.noEliminationWeeks.join(", ")}` : "";
  lines.push(`${weeks}${noElim}`);
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(clip(`Season ${s.number}`, limits.title))
    .setDescription(clip(lines.join("\n"), limits.description))
    .addFields(linesToFields("Cast, by placement", s.cast.map(castLine)).slice(0, 5))
    .setFooter({ text: "Week by week: /results and /leaderboard · a couple: /couple" });
  const { previous, next } = neighbours(s.seasonNumbers, s.number);
  const row = neighbourRow(
    previous === null ? null : { id: seasonId(previous), label: `Season ${previous}` },
    next === null ? null : { id: seasonId(next), label: `Season ${next}` },
    "sn",
  );
  return { embeds: [embed.toJSON()], components: [row] };
}

/** Drawn once per remembered lookup and page (src/views/memo.ts). */
export const seasonView = drawnOnce(seasonViewNow);
