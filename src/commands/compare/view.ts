import { EmbedBuilder } from "@discordjs/builders";
import type { CompareSide, Comparison } from "../../lookups/compare.js";
import type { ChartLine } from "../../views/chart.js";
import { renderLineChart } from "../../views/charts.js";
import { chartTheme } from "../../views/chartTheme.js";
import { colors, ordinal, plain, score } from "../../views/format.js";
import { clip, type Field, fitLines, limits } from "../../views/limits.js";
import { drawnOnce } from "../../views/memo.js";
import { danceLabel } from "../../views/scores.js";
import type { View } from "../../views/view.js";

const short = (s: CompareSide) => `${s.card.couple.celebrity} & ${s.card.couple.pro}`;

function sideField(s: CompareSide): Field {
  const c = s.card.couple;
  const place = c.placement === 1 ? "🏆 Winner" : c.placement ? `${ordinal(c.placement)} place` : plain(c.result);
  const lines = [
    `Season ${c.season} · ${place}`,
    s.card.average
      ? `Average **${s.card.average.perJudge.toFixed(2)}** per judge over ${s.card.average.dances} dances`
      : "No dance-by-dance scores recorded",
    `${s.weeks} week${s.weeks === 1 ? "" : "s"} danced · ${s.perfect} perfect score${s.perfect === 1 ? "" : "s"}`,
    s.best ? `Best: ${danceLabel(s.best)}` : "Best dance: not recorded",
  ];
  return { name: clip(short(s), limits.fieldName), value: fitLines(lines) };
}

/** Both couples' week totals by week number, side by side. */
function weekKeys(c: Comparison): string[] {
  const keys = [...c.a.points, ...c.b.points].map((p) => ({ key: p.key, week: p.week }));
  const seen = new Map(keys.map((k) => [k.key, k.week]));
  return [...seen].sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0])).map(([k]) => k);
}

async function compareViewNow(c: Comparison): Promise<View> {
  const keys = weekKeys(c);
  // Marks out of 10 compare across weeks and seasons whatever the panel or the number of dances.
  const value = (s: CompareSide, key: string) => s.points.find((p) => p.key === key)?.mark ?? null;
  const lines = keys.map((k) => {
    const [a, b] = [value(c.a, k), value(c.b, k)];
    return `${k}: ${a === null ? "–" : score(a)} vs ${b === null ? "–" : score(b)}`;
  });
  const embed = new EmbedBuilder()
    .setColor(colors.mirrorball)
    .setTitle(clip(`${short(c.a)} vs ${short(c.b)}`, limits.title))
    .addFields(
      { ...sideField(c.a), inline: true },
      { ...sideField(c.b), inline: true },
      {
        name: "Average judge's mark week by week (out of 10)",
        value: lines.length ? fitLines(lines) : "No weekly marks recorded.",
      },
    )
    .setFooter({
      text: c.sameSeason
        ? "Same season: the dashed line is the season's weekly average"
        : "Different seasons: weeks are compared by number",
    });
  if (keys.length === 0) return { embeds: [embed.toJSON()], components: [] };
  const chartLines: ChartLine[] = [
    { label: short(c.a), values: keys.map((k) => value(c.a, k)) },
    { label: short(c.b), values: keys.map((k) => value(c.b, k)) },
  ];
  if (c.sameSeason) {
    const avg = (k: string) => [...c.a.points, ...c.b.points].find((p) => p.key === k)?.seasonAverage ?? null;
    chartLines.push({ label: "Season average", values: keys.map(avg), color: chartTheme.average, dashed: true });
  }
  const data = await renderLineChart({
    title: `${short(c.a)} vs ${short(c.b)}`,
    labels: keys,
    lines: chartLines,
    yTitle: "Average judge's mark out of 10",
    yRange: { min: 0, max: 10 },
  });
  const name = `compare-${c.a.card.couple.id}-${c.b.card.couple.id}.png`;
  embed.setImage(`attachment://${name}`);
  return {
    embeds: [embed.toJSON()],
    components: [],
    files: [{ name, data, description: `Chart comparing ${short(c.a)} and ${short(c.b)} week by week` }],
  };
}

/** Drawn once per remembered lookup and page (src/views/memo.ts). */
export const compareView = drawnOnce(compareViewNow);
