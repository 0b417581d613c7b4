import { ActionRowBuilder, ButtonBuilder, EmbedBuilder } from "@discordjs/builders";
import { ButtonStyle } from "discord-api-types/v10";
import type { PickHistory, PredictionBoard } from "../../db/queries/polls/predictions.js";
import type { ScheduleRow } from "../../db/queries/polls/schedules.js";
import { weekdays } from "../../polls/schedule.js";
import { tieBreaks } from "../../polls/scoring.js";
import type { PollSettings } from "../../polls/settings.js";
import { colors, ordinal, safeText, timestamp } from "../../views/format.js";
import { clip, fitLines, limits } from "../../views/limits.js";
import type { View } from "../../views/view.js";
import { predictionsIds } from "./ids.js";

export const boardPageSize = 10;

/** custom_id of leaderboard pages: season (0 = all seasons) and page. */
function boardId(season: number | null, page: number, tag?: "next"): string {
  return tag ? predictionsIds.nextPage.encode(season ?? 0, page, tag) : predictionsIds.page.encode(season ?? 0, page);
}

export function predictionBoardView(board: PredictionBoard, season: number | null, page: number, userId: string): View {
  const pages = Math.max(1, Math.ceil(board.members / boardPageSize));
  const lines = board.standings.map(
    (s) =>
      `${s.userId === userId ? "➤ " : ""}**${ordinal(s.rank)}** <@${s.userId}> — **${s.points}** pt${s.points === 1 ? "" : "s"} · ${s.correct} correct`,
  );
  const me = board.me
    ? `Your rank: **${ordinal(board.me.rank)}** of ${board.members} with **${board.me.points}** points (${board.me.correct} correct picks).`
    : "You have no points yet: vote in the Mirrorball and elimination polls to get on the board.";
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(`Prediction leaderboard${season ? ` · Season ${season}` : ""}`)
    .setDescription(
      clip(`${lines.length ? fitLines(lines, 3500) : "Nobody has scored yet."}\n\n${me}`, limits.description),
    )
    .setFooter({ text: `${pages > 1 ? `Page ${page + 1}/${pages} · ` : ""}${tieBreaks}` });
  const components =
    pages > 1
      ? [
          new ActionRowBuilder<ButtonBuilder>()
            .addComponents(
              new ButtonBuilder()
                .setCustomId(boardId(season, page - 1))
                .setLabel("Higher ranks")
                .setStyle(ButtonStyle.Secondary)
                .setDisabled(page === 0),
              new ButtonBuilder()
                .setCustomId(boardId(season, page + 1, "next"))
                .setLabel("Lower ranks")
                .setStyle(ButtonStyle.Secondary)
                .setDisabled(page >= pages - 1),
            )
            .toJSON(),
        ]
      : [];
  return { embeds: [embed.toJSON()], components };
}

export function pickHistoryView(picks: PickHistory[], total: number): View {
  const lines = picks.map((p) => {
    const about =
      p.kind === "mirrorball"
        ? `S${p.season ?? "?"} Mirrorball (week ${p.week ?? "?"})`
        : `S${p.season ?? "?"} week ${p.week ?? "?"} elimination`;
    const status = !p.closed
      ? "⏳ open"
      : !p.resolved
        ? "⌛ awaiting the result"
        : p.points > 0
          ? `✅ +${p.points}`
          : "❌ 0";
    return `${status} · ${about}: ${safeText(p.pick, 100)}`;
  });
  const embed = new EmbedBuilder()
    .setColor(colors.info)
    .setTitle("Your predictions")
    .setDescription(
      clip(
        lines.length ? fitLines(lines, 3800) : "You have not voted in a prediction poll here yet.",
        limits.description,
      ),
    )
    .setFooter({
      text: `${total} point${total === 1 ? "" : "s"} in total (the ${picks.length} latest picks are shown)`,
    });
  return { embeds: [embed.toJSON()], components: [] };
}

export function pollSettingsView(settings: PollSettings, schedule: ScheduleRow | null): View {
  const lines = [
    `Poll managers: Manage Server${settings.managerRoleId ? ` and <@&${settings.managerRoleId}>` : " only"}`,
    `Correct elimination pick: **${settings.eliminationPoints}** pt`,
    `Correct Mirrorball pick: **${settings.mirrorballPoints}** pts in week 1, one less each later week, at least **${settings.mirrorballFloor}**`,
    schedule ? scheduleLine(schedule) : "Weekly polls: off (set them with `/poll schedule`).",
  ];
  return {
    embeds: [
      new EmbedBuilder().setColor(colors.info).setTitle("Poll settings").setDescription(lines.join("\n")).toJSON(),
    ],
    components: [],
  };
}

export function scheduleLine(s: ScheduleRow): string {
  const postAt = new Date(s.nextAirAt.getTime() - s.leadMinutes * 60_000);
  return `Weekly polls in <#${s.channelId}>: every ${weekdays[s.weekday]} at ${s.airTime} (${s.timeZone})${s.season ? `, season ${s.season}` : ""}. Next show ${timestamp(s.nextAirAt, "F")} (${timestamp(s.nextAirAt, "R")}); its poll is posted ${timestamp(postAt, "R")} and closes when the show starts.`;
}
