import { ActionRowBuilder, ButtonBuilder, EmbedBuilder } from "@discordjs/builders";
import { ButtonStyle } from "discord-api-types/v10";
import type { Leaderboard } from "../../lookups/leaderboard.js";
import { runningStandings, type Standing } from "../../standings/standings.js";
import { colors, coupleName, danceText, judgesLine, longDate, plain, score, songText } from "../../views/format.js";
import { clip, type Field, fitLines, limits, paginateFields } from "../../views/limits.js";
import { drawnOnce } from "../../views/memo.js";
import type { View } from "../../views/view.js";
import { leaderboardIds } from "./ids.js";

const medals = ["🥇", "🥈", "🥉"];

function leaderboardId(season: number, week: number, page: number, tag?: "page" | "season"): string {
  if (tag === "page") return leaderboardIds.page.encode(season, week, page, tag);
  if (tag === "season") return leaderboardIds.season.encode(season, week, page, tag);
  return leaderboardIds.week.encode(season, week, page);
}

/**
 * A couple's line in the ranked list: rank (ties share one), couple, and the total, never written as more than its
 * maximum: the judges' part reads "37/40", bonus points and carried-over weeks are added apart.
 */
export function rankLine(s: Standing, carryWeeks: readonly number[]): string {
  const medal = medals[s.rank - 1];
  const who = `${medal ? `${medal} ` : ""}**${s.rank}.** ${plain(coupleName(s.couple))}`;
  if (s.judgesMax === 0 && s.bonus === 0 && s.carryOver === 0) return `${who} — not scored`;
  if (s.weeklyOnly) {
    // MCM's weekly figures spread any bonus over the judges: the sum may pass the judges' maximum, so say so.
    const bonus = s.bonus !== 0 ? ` + ${score(s.bonus)} bonus` : "";
    const carry = carryWeeks.length ? `week ${carryWeeks.join(" + ")} ${score(s.carryOver)}/${s.carryOverMax} + ` : "";
    return `${who} — **${score(s.total)}** (${carry}weekly figures ${score(s.judgesTotal)}, any bonus included, of a judges' maximum of ${s.judgesMax}${bonus})`;
  }
  const parts: string[] = [];
  if (carryWeeks.length) parts.push(`week ${carryWeeks.join(" + ")} ${score(s.carryOver)}/${s.carryOverMax}`);
  const judges = `${score(s.judgesTotal)}/${s.judgesMax}`;
  if (parts.length === 0 && s.bonus === 0) return `${who} — **${score(s.judgesTotal)}**/${s.judgesMax}`;
  parts.push(carryWeeks.length ? `this week ${judges}` : judges);
  if (s.bonus !== 0) parts.push(`${s.bonus > 0 ? "" : "−"}${score(Math.abs(s.bonus))} bonus`);
  return `${who} — **${score(s.total)}** (${parts.join(" + ")})`;
}

/** The per-dance detail of one couple: style, song, each judge's mark; in a carry-over week, the standing after each dance. */
function standingField(s: Standing, sheet: Leaderboard["sheet"]): Field {
  const carryWeeks = sheet.carryOverFrom;
  const name = clip(`${medals[s.rank - 1] ?? ""} ${s.rank}. ${coupleName(s.couple)}`.trim(), limits.fieldName);
  const running = carryWeeks.length ? runningStandings(s) : [];
  const lines = s.dances.map((d, i) => {
    const after = running[i];
    return `• ${danceText(d)}${after && d.judgesTotal !== null ? ` → ${score(after.points)}/${after.max} with week ${carryWeeks.join(" + ")}` : ""}`;
  });
  if (s.weeklyOnly && s.weeklyScores) {
    lines.push(
      `• Weekly per-judge figures${s.dances.some((d) => d.judgesTotal !== null) ? " (the total; not every dance has scores of its own)" : s.dances.length ? " (these dances have no scores of their own)" : " (no dance-by-dance record)"}: ${s.weeklyScores.map((v) => (v === null ? "–" : score(v))).join(" · ")}`,
    );
  }
  // Points won in a dance, then points for the week (immunity): each with its reason, apart from the judges' marks.
  const bonuses = [
    ...s.dances.flatMap((d) => d.performance.bonus.filter((b) => b.coupleId === s.couple.id)),
    ...sheet.bonus.filter((b) => b.coupleId === s.couple.id),
  ];
  for (const b of bonuses) lines.push(`• Bonus: ${score(b.points)}${b.reason ? ` (${plain(b.reason)})` : ""}`);
  return { name, value: fitLines(lines.length ? lines : ["No dance recorded"]) };
}

function announcedLine(a: Leaderboard["announced"][number]): string {
  const p = a.performance;
  const what = [p.style ? plain(p.style) : "", songText(p.song, p.artist)].filter(Boolean).join(" · ");
  return `• ${a.couples.map((c) => plain(coupleName(c))).join(", ")} — ${what || "dance not named yet"}`;
}

/**
 * Previous/next season buttons use every season in the records (`board.seasonNumbers`).
 * The description lists every couple of the week with rank and total, on every page; the fields hold the per-dance
 * detail, paged when a busy week does not fit one message.
 */
function leaderboardViewNow(board: Leaderboard, page = 0): View {
  const seasons = board.seasonNumbers;
  const { sheet, standings, weekNumbers, announced } = board;
  const title = clip(
    `Season ${sheet.season} · Week ${sheet.week}${sheet.label ? ` (${sheet.label})` : ""}${sheet.theme ? ` — ${sheet.theme}` : ""}`,
    limits.title,
  );
  const header: string[] = [];
  const date = longDate(sheet.airDate);
  if (sheet.status === "scheduled") {
    header.push(
      `Scheduled${date ? ` for ${date}` : ""}. This night has not aired in our records yet: its dances, judges, scores and results are not known.`,
    );
  } else if (sheet.status === "announced") {
    header.push(
      `Scheduled${date ? ` for ${date}` : ""}. The dances below were announced before the show and are not scored yet; the judges' marks and results are not known.`,
    );
  } else if (date) header.push(`Aired ${date}`);
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
  if (standings.length === 0 && !sheet.status) header.push("No scores are recorded for this week.");
  const list = [
    ...standings.map((s) => rankLine(s, sheet.carryOverFrom)),
    ...(announced.length ? ["**Announced, not scored yet**", ...announced.map(announcedLine)] : []),
  ];
  const description = fitLines([...header, "", ...list], limits.description);

  const fields = standings.map((s) => standingField(s, sheet));
  const footerText = (pages: number, at: number) =>
    `${pages > 1 ? `Page ${at + 1}/${pages} of dance details · ` : ""}Judges' marks out of 10 · bonus points shown apart`;
  const pages = paginateFields(fields, title.length + description.length + footerText(9, 9).length + 20);
  const current = Math.min(Math.max(page, 0), pages.length - 1);
  const footer = footerText(pages.length, current);

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
          .setLabel("◀ Dance details")
          .setStyle(ButtonStyle.Primary)
          .setDisabled(current === 0),
        new ButtonBuilder()
          .setCustomId(leaderboardId(sheet.season, sheet.week, current + 1, "page"))
          .setLabel("Dance details ▶")
          .setStyle(ButtonStyle.Primary)
          .setDisabled(current === pages.length - 1),
      ),
    );
  }
  return { embeds: [embed.toJSON()], components: rows.map((r) => r.toJSON()) };
}

/** Drawn once per remembered lookup and page (src/views/memo.ts). */
export const leaderboardView = drawnOnce(leaderboardViewNow);
