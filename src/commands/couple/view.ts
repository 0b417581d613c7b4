import { EmbedBuilder } from "@discordjs/builders";
import { type CoupleCard, type CoupleWeek, weeklyPoints } from "../../lookups/couple.js";
import { renderLineChart } from "../../views/charts.js";
import { chartTheme } from "../../views/chartTheme.js";
import { colors, danceText, longDate, ordinal, plain, score, songText } from "../../views/format.js";
import { clip, type Field, fitLines, limits, paginateFields } from "../../views/limits.js";
import { drawnOnce } from "../../views/memo.js";
import { pageRow } from "../../views/pages.js";
import type { View } from "../../views/view.js";
import { coupleIds } from "./ids.js";

function placementLine(card: CoupleCard): string {
  const { couple } = card;
  if (couple.placement === 1) return `🏆 Winner${couple.trophy ? ` of the ${couple.trophy}` : ""}`;
  const place = couple.placement ? `${ordinal(couple.placement)} place` : "Placement not recorded";
  return couple.result && !couple.result.toLowerCase().includes("place") ? `${place} · ${couple.result}` : place;
}

function weekField(w: CoupleWeek): Field {
  const { sheet, standing } = w;
  const total = score(standing.judgesTotal + standing.bonus);
  // Weekly figures can hold bonus points spread over the judges' marks (32 "out of 30"): no maximum for them.
  // Otherwise the judges' part is read against its maximum and bonus points are added apart ("29/30 + 3 bonus").
  const bonus =
    standing.bonus !== 0 ? ` ${standing.bonus > 0 ? "+" : "−"} ${score(Math.abs(standing.bonus))} bonus` : "";
  const marks = standing.weeklyOnly
    ? `${total} from weekly figures`
    : `${score(standing.judgesTotal)}/${standing.judgesMax}${bonus}`;
  const name = clip(
    `Week ${sheet.week}${sheet.label ? ` (${sheet.label})` : ""}${sheet.theme ? ` — ${sheet.theme}` : ""} · ${marks} · ${ordinal(standing.rank)} of ${w.field}`,
    limits.fieldName,
  );
  const lines = standing.dances.map((d) => `• ${danceText(d)}`);
  if (standing.weeklyOnly && standing.weeklyScores) {
    lines.push(
      `• Weekly per-judge figures (no dance-by-dance scores; bonus points may be folded in): ${standing.weeklyScores.map((v) => (v === null ? "–" : score(v))).join(" · ")}`,
    );
  }
  if (standing.bonus !== 0) lines.push(`Bonus points: ${standing.bonus > 0 ? "+" : ""}${score(standing.bonus)}`);
  return { name, value: fitLines(lines) };
}

/** A dance named for a night that has not aired yet: what is known, and plainly that it is not scored. */
function announcedField(a: CoupleCard["announced"][number]): Field {
  const { sheet, performance: p } = a;
  const date = longDate(sheet.airDate);
  const name = clip(
    `Week ${sheet.week}${sheet.theme ? ` — ${sheet.theme}` : ""} · announced${date ? ` for ${date}` : ""}`,
    limits.fieldName,
  );
  const what = [p.style ? plain(p.style) : "", songText(p.song, p.artist)].filter(Boolean).join(" · ");
  return { name, value: `• ${what || "Dance not named yet"} — not scored yet` };
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
  const pages = paginateFields(
    [...card.weeks.map(weekField), ...card.announced.map(announcedField)],
    title.length + description.length + 120,
    12,
  );
  const current = Math.min(Math.max(page, 0), pages.length - 1);
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(title)
    .setDescription(description)
    .addFields(pages[current] ?? [])
    .setFooter({
      text: `${pages.length > 1 ? `Page ${current + 1}/${pages.length} · ` : ""}Week totals are judges' marks plus bonus points`,
    });
  const components = pageRow((p) => coupleIds.page.encode(couple.id, p), current, pages.length, {
    previous: "Earlier weeks",
    next: "Later weeks",
  });
  return { embeds: [embed.toJSON()], components };
}

/** The couple's chart as an attachment: their average judge's mark week by week against the season's weekly average. */
export async function coupleChart(card: CoupleCard): Promise<NonNullable<View["files"]>[number] | null> {
  const points = weeklyPoints(card);
  if (points.length === 0) return null;
  const { couple } = card;
  const data = await renderLineChart({
    title: `${couple.celebrity} & ${couple.pro} — Season ${couple.season}`,
    labels: points.map((p) => p.key),
    lines: [
      { label: `${couple.celebrity} & ${couple.pro}`, values: points.map((p) => p.mark) },
      {
        label: "Season average that week",
        values: points.map((p) => p.seasonAverage),
        color: chartTheme.average,
        dashed: true,
      },
    ],
    yTitle: card.weeks.some((w) => w.standing.weeklyOnly)
      ? "Average judge's mark out of 10 (weekly figures may include bonus points)"
      : "Average judge's mark out of 10 (bonus points left out)",
    yRange: { min: 0, max: 10 },
  });
  return {
    name: `couple-${couple.id}.png`,
    data,
    description: `Chart of ${couple.celebrity} and ${couple.pro}'s average judge's mark each week against the season average`,
  };
}

/** The couple's card with its chart attached and shown as the embed's image. */
async function coupleViewWithChartNow(card: CoupleCard, page = 0, otherSeasons: number[] = []): Promise<View> {
  const view = coupleView(card, page, otherSeasons);
  const chart = await coupleChart(card);
  const [embed] = view.embeds;
  if (!chart || !embed) return view;
  return { ...view, embeds: [{ ...embed, image: { url: `attachment://${chart.name}` } }], files: [chart] };
}

/** Drawn once per remembered lookup and page (src/views/memo.ts). */
export const coupleViewWithChart = drawnOnce(coupleViewWithChartNow);
