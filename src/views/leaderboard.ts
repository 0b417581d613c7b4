import { ActionRowBuilder, ButtonBuilder, EmbedBuilder } from "@discordjs/builders";
import { ButtonStyle } from "discord-api-types/v10";
import { leaderboardIds } from "../commands/leaderboard/ids.js";
import type { Leaderboard } from "../lookups/leaderboard.js";
import type { Standing } from "../standings/standings.js";
import { colors, coupleName, danceText, judgesLine, longDate, plain, score } from "./format.js";
import { clip, type Field, fitLines, limits, paginateFields } from "./limits.js";
import type { View } from "./view.js";

const medals = ["🥇", "🥈", "🥉"];

function leaderboardId(season: number, week: number, page: number, tag?: "page" | "season"): string {
  if (tag === "page") return leaderboardIds.page.encode(season, week, page, tag);
  if (tag === "season") return leaderboardIds.season.encode(season, week, page, tag);
  return leaderboardIds.week.encode(season, week, page);
}

function standingField(s: Standing, carryWeeks: number[]): Field {
  const medal = medals[s.rank - 1] ?? "";
  const name = clip(`${medal} ${s.rank}. ${coupleName(s.couple)} — ${score(s.total)}`.trim(), limits.fieldName);
  const lines = s.dances.map((d) => `• ${danceText(d)}`);
  if (s.weeklyOnly && s.weeklyScores) {
    lines.push(
      `• Weekly per-judge figures${s.dances.some((d) => d.judgesTotal !== null) ? " (the total; not every dance has scores of its own)" : s.dances.length ? " (these dances have no scores of their own)" : " (no dance-by-dance record)"}: ${s.weeklyScores.map((v) => (v === null ? "–" : score(v))).join(" · ")}`,
    );
  }
  const parts = [`judges ${score(s.judgesTotal)}/${s.judgesMax}`];
  if (s.bonus !== 0) parts.push(`bonus ${s.bonus > 0 ? "+" : ""}${score(s.bonus)}`);
  if (carryWeeks.length > 0) parts.push(`week ${carryWeeks.join(" + ")} carry-over ${score(s.carryOver)}`);
  if (parts.length > 1 || s.dances.length > 1) lines.push(`Total: ${parts.join(" + ")} = **${score(s.total)}**`);
  return { name, value: fitLines(lines) };
}

/** `seasons`: every season in the records, for previous/next season buttons (none when empty). */
export function leaderboardView(board: Leaderboard, page = 0): View {
  const seasons = board.seasonNumbers;
  const { sheet, standings, weekNumbers } = board;
  const title = clip(
    `Season ${sheet.season} · Week ${sheet.week}${sheet.label ? ` (${sheet.label})` : ""}${sheet.theme ? ` — ${sheet.theme}` : ""}`,
    limits.title,
  );
  const header: string[] = [];
  const aired = longDate(sheet.airDate);
  if (aired) header.push(`Aired ${aired}`);
  if (sheet.judges.length > 0) header.push(`Judges: ${plain(judgesLine(sheet.judges))}`);
  if (sheet.carryOverFrom.length > 0) {
    header.push(`Standings add each couple's week ${sheet.carryOverFrom.join(" + ")} judges' total, as broadcast.`);
  }
  const fromWeekly = standings.filter((s) => s.weeklyOnly);
  const anyDanceScored = standings.some((s) => s.dances.some((d) => d.judgesTotal !== null));
  if (fromWeekly.length > 0 && fromWeekly.length === standings.length && !anyDanceScored) {
    header.push(
      "This week is known only as weekly per-judge figures (each the mean over the couple's dances), not dance by dance.",
    );
  } else if (fromWeekly.length > 0) {
    header.push(
      "Some totals come from weekly per-judge figures (each the mean over the couple's dances), as not every dance has scores of its own.",
    );
  }
  if (standings.length === 0) header.push("No scores are recorded for this week.");
  const description = clip(header.join("\n"), limits.description);

  const fields = standings.map((s) => standingField(s, sheet.carryOverFrom));
  const pages = paginateFields(fields, title.length + description.length + 120);
  const current = Math.min(Math.max(page, 0), pages.length - 1);
  const footer = `${pages.length > 1 ? `Page ${current + 1}/${pages.length} · ` : ""}Judges' marks out of 10 · bonus points shown apart`;

  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(title)
    .setDescription(description)
    .addFields(pages[current] ?? [])
    .setFooter({ text: footer });

  const index = weekNumbers.indexOf(sheet.week);
  const prevWeek = weekNumbers[index - 1];
  const nextWeek = weekNumbers[index + 1];
  const weekRow = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(prevWeek ? leaderboardId(sheet.season, prevWeek, 0) : "lb:none:prev")
      .setLabel(prevWeek ? `◀ Week ${prevWeek}` : "◀")
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(!prevWeek),
    new ButtonBuilder()
      .setCustomId(nextWeek ? leaderboardId(sheet.season, nextWeek, 0) : "lb:none:next")
      .setLabel(nextWeek ? `Week ${nextWeek} ▶` : "▶")
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(!nextWeek),
  );
  const rows = [weekRow];
  if (seasons.length > 1) {
    const at = seasons.indexOf(sheet.season);
    const [prevSeason, nextSeason] = [seasons[at - 1], seasons[at + 1]];
    rows.push(
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(prevSeason ? leaderboardId(prevSeason, sheet.week, 0, "season") : "lb:none:sprev")
          .setLabel(prevSeason ? `◀ Season ${prevSeason}` : "◀ Season")
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(!prevSeason),
        new ButtonBuilder()
          .setCustomId(nextSeason ? leaderboardId(nextSeason, sheet.week, 0, "season") : "lb:none:snext")
          .setLabel(nextSeason ? `Season ${nextSeason} ▶` : "Season ▶")
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(!nextSeason),
      ),
    );
  }
  if (pages.length > 1) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(leaderboardId(sheet.season, sheet.week, current - 1, "page"))
          .setLabel("Previous page")
          .setStyle(ButtonStyle.Primary)
          .setDisabled(current === 0),
        new ButtonBuilder()
          .setCustomId(leaderboardId(sheet.season, sheet.week, current + 1, "page"))
          .setLabel("Next page")
          .setStyle(ButtonStyle.Primary)
          .setDisabled(current === pages.length - 1),
      ),
    );
  }
  return { embeds: [embed.toJSON()], components: rows.map((r) => r.toJSON()) };
}
