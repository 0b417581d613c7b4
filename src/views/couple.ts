import { ActionRowBuilder, ButtonBuilder, EmbedBuilder } from "@discordjs/builders";
import { ButtonStyle } from "discord-api-types/v10";
import type { CoupleCard, CoupleWeek } from "../lookups/couple.js";
import { colors, danceText, ordinal, plain, score } from "./format.js";
import { clip, type Field, fitLines, limits, paginateFields } from "./limits.js";
import type { View } from "./view.js";

export function coupleId(id: number, page: number): string {
  return `cp:${id}:${page}`;
}

function placementLine(card: CoupleCard): string {
  const { couple } = card;
  if (couple.placement === 1) return `🏆 Winner${couple.trophy ? ` of the ${couple.trophy}` : ""}`;
  const place = couple.placement ? `${ordinal(couple.placement)} place` : "Placement not recorded";
  return couple.result && !couple.result.toLowerCase().includes("place") ? `${place} · ${couple.result}` : place;
}

function weekField(w: CoupleWeek): Field {
  const { sheet, standing } = w;
  const name = clip(
    `Week ${sheet.week}${sheet.label ? ` (${sheet.label})` : ""}${sheet.theme ? ` — ${sheet.theme}` : ""} · ${score(standing.judgesTotal + standing.bonus)}/${standing.judgesMax} · ${ordinal(standing.rank)} of ${w.field}`,
    limits.fieldName,
  );
  const lines = standing.dances.map((d) => `• ${danceText(d)}`);
  if (standing.weeklyOnly && standing.weeklyScores) {
    lines.push(
      `• Weekly per-judge figures (no dance-by-dance scores): ${standing.weeklyScores.map((v) => (v === null ? "–" : score(v))).join(" · ")}`,
    );
  }
  if (standing.bonus !== 0) lines.push(`Bonus points: ${standing.bonus > 0 ? "+" : ""}${score(standing.bonus)}`);
  return { name, value: fitLines(lines) };
}

export function coupleView(card: CoupleCard, page = 0, otherSeasons: number[] = []): View {
  const { couple } = card;
  const title = clip(`${couple.celebrity} & ${couple.pro} — Season ${couple.season}`, limits.title);
  const lines = [placementLine(card)];
  if (couple.notability) lines.push(plain(couple.notability));
  lines.push(
    card.average
      ? `Average: **${card.average.perJudge.toFixed(2)}** per judge over ${card.average.dances} scored dance${card.average.dances === 1 ? "" : "s"}`
      : "No dance-by-dance scores are recorded for this couple.",
  );
  if (otherSeasons.length > 0) lines.push(`Also in season ${otherSeasons.join(", ")}: add \`season:\` to see another.`);
  const description = clip(lines.join("\n"), limits.description);
  const pages = paginateFields(card.weeks.map(weekField), title.length + description.length + 120, 12);
  const current = Math.min(Math.max(page, 0), pages.length - 1);
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(title)
    .setDescription(description)
    .addFields(pages[current] ?? [])
    .setFooter({
      text: `${pages.length > 1 ? `Page ${current + 1}/${pages.length} · ` : ""}Week totals are judges' marks plus bonus points`,
    });
  const components =
    pages.length > 1
      ? [
          new ActionRowBuilder<ButtonBuilder>()
            .addComponents(
              new ButtonBuilder()
                .setCustomId(coupleId(couple.id, current - 1))
                .setLabel("Earlier weeks")
                .setStyle(ButtonStyle.Secondary)
                .setDisabled(current === 0),
              new ButtonBuilder()
                .setCustomId(coupleId(couple.id, current + 1))
                .setLabel("Later weeks")
                .setStyle(ButtonStyle.Secondary)
                .setDisabled(current === pages.length - 1),
            )
            .toJSON(),
        ]
      : [];
  return { embeds: [embed.toJSON()], components };
}
