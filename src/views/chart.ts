import { createCanvas } from "@napi-rs/canvas";
import { pngQuantize } from "@napi-rs/image";
import { Chart, type ChartConfiguration, type Plugin, registerables } from "chart.js";
import { chartTheme } from "./chartTheme.js";
import { chartFont, registerChartFont } from "./fonts.js";

Chart.register(...registerables);

export { chartTheme };

export const chartSize = { width: 960, height: 480 } as const;

const font = { family: chartFont, size: 16 };

const background: Plugin = {
  id: "background",
  beforeDraw: (c) => {
    c.ctx.save();
    c.ctx.fillStyle = chartTheme.background;
    c.ctx.fillRect(0, 0, c.width, c.height);
    c.ctx.restore();
  },
};

/** Draws one chart.js chart on a skia canvas (prebuilt binary, no system libraries) and returns the PNG. */
function draw(config: ChartConfiguration, size: { width: number; height: number }): Buffer {
  registerChartFont();
  const canvas = createCanvas(size.width, size.height);
  config.options = {
    ...config.options,
    responsive: false,
    animation: false,
    devicePixelRatio: 1,
    color: chartTheme.text,
    font,
  };
  config.plugins = [background, ...(config.plugins ?? [])];
  // chart.js only needs a 2D context; outside a browser it draws with its basic platform.
  const drawn = new Chart(canvas.getContext("2d") as unknown as CanvasRenderingContext2D, config);
  try {
    return canvas.toBuffer("image/png");
  } finally {
    drawn.destroy();
  }
}

/**
 * The chart as a 256-colour palette PNG (libimagequant, prebuilt): a third of the bytes of Skia's truecolour PNG and,
 * for flat chart colours and anti-aliased text, no visible difference. Members on phones load it faster, and every
 * upload costs the bot and Discord less. Should quantizing ever fail, the truecolour PNG goes out instead.
 */
export async function compactPng(png: Buffer): Promise<Buffer> {
  try {
    return await pngQuantize(png);
  } catch {
    return png;
  }
}

function title(text: string) {
  return { display: true, text, color: chartTheme.text, font: { ...font, size: 20, weight: "bold" as const } };
}

export interface ChartLine {
  label: string;
  /** One value per label; null where there is nothing to plot. */
  values: (number | null)[];
  color?: string;
  dashed?: boolean;
}

export interface LineChart {
  title: string;
  labels: string[];
  lines: ChartLine[];
  yTitle: string;
  /** A fixed scale (marks out of 10: 0-10), so weeks and couples read against the same axis. */
  yRange?: { min: number; max: number };
}

/** Lines over weeks: a couple's totals against the season's average. */
export async function renderLineChart(chart: LineChart): Promise<Buffer> {
  return draw(
    {
      type: "line",
      data: {
        labels: chart.labels,
        datasets: chart.lines.map((line, i) => {
          const color = line.color ?? chartTheme.lines[i % chartTheme.lines.length] ?? chartTheme.text;
          return {
            label: line.label,
            data: line.values,
            borderColor: color,
            backgroundColor: color,
            borderWidth: line.dashed ? 2 : 3,
            borderDash: line.dashed ? [8, 6] : [],
            pointRadius: line.dashed ? 2 : 4,
            spanGaps: true,
            tension: 0,
          };
        }),
      },
      options: {
        layout: { padding: { top: 12, right: 28, bottom: 12, left: 12 } },
        plugins: {
          title: title(chart.title),
          legend: { labels: { color: chartTheme.text, font, usePointStyle: true, pointStyleWidth: 14 } },
        },
        scales: {
          x: { ticks: { color: chartTheme.text, font }, grid: { color: chartTheme.grid } },
          y: {
            beginAtZero: false,
            ...(chart.yRange ? { suggestedMin: chart.yRange.min, suggestedMax: chart.yRange.max } : {}),
            title: { display: true, text: chart.yTitle, color: chartTheme.text, font },
            ticks: { color: chartTheme.text, font },
            grid: { color: chartTheme.grid },
          },
        },
      },
    } as ChartConfiguration,
    chartSize,
  );
}

export interface BarChart {
  title: string;
  /** One bar per label, top to bottom. */
  labels: string[];
  /** Percentages, 0-100. */
  values: number[];
}

/** Height of one bar's row, so a 25-answer poll stays legible. */
export const barRowHeight = 36;

export function barChartSize(bars: number): { width: number; height: number } {
  return { width: chartSize.width, height: 90 + Math.max(1, bars) * barRowHeight };
}

/** Horizontal bars with their percentage written at the end: a poll's results. */
export function renderBarChart(chart: BarChart): Buffer {
  const valueLabels: Plugin<"bar"> = {
    id: "valueLabels",
    afterDatasetsDraw: (c) => {
      const { ctx } = c;
      ctx.save();
      ctx.fillStyle = chartTheme.text;
      ctx.font = `bold 16px "${chartFont}"`;
      ctx.textBaseline = "middle";
      for (const [i, bar] of c.getDatasetMeta(0).data.entries()) {
        ctx.fillText(`${chart.values[i] ?? 0}%`, bar.x + 8, bar.y);
      }
      ctx.restore();
    },
  };
  return draw(
    {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: [
          {
            data: chart.values,
            backgroundColor: chart.labels.map((_, i) => chartTheme.bars[i % chartTheme.bars.length] ?? chartTheme.text),
            borderRadius: 4,
            barPercentage: 0.8,
          },
        ],
      },
      options: {
        indexAxis: "y",
        layout: { padding: { top: 8, right: 64, bottom: 8, left: 8 } },
        plugins: { title: title(chart.title), legend: { display: false } },
        scales: {
          x: {
            min: 0,
            max: 100,
            ticks: { color: chartTheme.text, font, callback: (v) => `${v}%` },
            grid: { color: chartTheme.grid },
          },
          y: { ticks: { color: chartTheme.text, font }, grid: { display: false } },
        },
      },
      plugins: [valueLabels],
    } as ChartConfiguration,
    barChartSize(chart.labels.length),
  );
}
