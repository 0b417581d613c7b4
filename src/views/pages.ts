import { ActionRowBuilder, ButtonBuilder } from "@discordjs/builders";
import type { APIActionRowComponent, APIComponentInMessageActionRow } from "discord-api-types/v10";
import { ButtonStyle } from "discord-api-types/v10";

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** The page actually shown: a stale or forged page number lands on the nearest real page. */
export function clampPage(page: number, count: number): number {
  return Math.min(Math.max(Number.isFinite(page) ? page : 0, 0), Math.max(count - 1, 0));
}

/** Previous/next page buttons whose custom_ids carry the page, or no row for a single page. */
export function pageRow(
  idFor: (page: number) => string,
  current: number,
  count: number,
  labels: { previous: string; next: string } = {
    previous: "◀ Previous page",
    next: `Next page ▶ (${current + 1}/${count})`,
  },
): Row[] {
  if (count <= 1) return [];
  return [
    new ActionRowBuilder<ButtonBuilder>()
      .addComponents(
        new ButtonBuilder()
          .setCustomId(idFor(current - 1))
          .setLabel(labels.previous)
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(current === 0),
        new ButtonBuilder()
          .setCustomId(`${idFor(current + 1)}`)
          .setLabel(labels.next)
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(current === count - 1),
      )
      .toJSON(),
  ];
}

/** Previous/next buttons between neighbours (seasons, weeks): `ids` are null where there is no neighbour. */
export function neighbourRow(
  previous: { id: string; label: string } | null,
  next: { id: string; label: string } | null,
  placeholder: string,
): Row {
  return new ActionRowBuilder<ButtonBuilder>()
    .addComponents(
      new ButtonBuilder()
        .setCustomId(previous?.id ?? `${placeholder}:none:prev`)
        .setLabel(previous ? `◀ ${previous.label}` : "◀")
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(!previous),
      new ButtonBuilder()
        .setCustomId(next?.id ?? `${placeholder}:none:next`)
        .setLabel(next ? `${next.label} ▶` : "▶")
        .setStyle(ButtonStyle.Secondary)
        .setDisabled(!next),
    )
    .toJSON();
}

export function neighbours<T>(list: readonly T[], current: T): { previous: T | null; next: T | null } {
  const i = list.indexOf(current);
  return {
    previous: i > 0 ? (list[i - 1] as T) : null,
    next: i >= 0 && i < list.length - 1 ? (list[i + 1] as T) : null,
  };
}
