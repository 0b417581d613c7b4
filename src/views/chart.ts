import { createCanvas } from "@napi-rs/canvas";
import { Chart, type ChartConfiguration, registerables } from "chart.js";
import { chartFont, registerChartFont } from "./fonts.js";

Chart.register(...registerables);

/** Readable on Discord's dark theme: the chart brings its own dark background rather than relying on the client's. */
export const chartTheme = {
  background: "#2b2d31",
  text: "#dbdee1",
  grid: "rgba(219, 222, 225, 0.15)",
  lines: ["#f0c419", "#5ec8f2", "#f47fff", "#57f287"],
  average: "#b5bac1",
} as const;

export const chartSize = { width: 960, height: 480 } as const;

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
}

/** Draws a line chart to a PNG with chart.js on a skia canvas (prebuilt binary, no system libraries). */
export async function renderLineChart(chart: LineChart): Promise<Buffer> {
  registerChartFont();
  const canvas = createCanvas(chartSize.width, chartSize.height);
  const context = canvas.getContext("2d");
  const font = { family: chartFont, size: 16 };
  const config: ChartConfiguration<"line", (number | null)[], string> = {
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
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      color: chartTheme.text,
      font,
      layout: { padding: { top: 12, right: 28, bottom: 12, left: 12 } },
      plugins: {
        title: {
          display: true,
          text: chart.title,
          color: chartTheme.text,
          font: { ...font, size: 20, weight: "bold" },
        },
        legend: { labels: { color: chartTheme.text, font, usePointStyle: true, pointStyleWidth: 14 } },
      },
      scales: {
        x: { ticks: { color: chartTheme.text, font }, grid: { color: chartTheme.grid } },
        y: {
          beginAtZero: false,
          title: { display: true, text: chart.yTitle, color: chartTheme.text, font },
          ticks: { color: chartTheme.text, font },
          grid: { color: chartTheme.grid },
        },
      },
    },
    plugins: [
      {
        id: "background",
        beforeDraw: (c) => {
          c.ctx.save();
          c.ctx.fillStyle = chartTheme.background;
          c.ctx.fillRect(0, 0, c.width, c.height);
          c.ctx.restore();
        },
      },
    ],
  };
  // chart.js only needs a 2D context; outside a browser it draws with its basic platform.
  const drawn = new Chart(context as unknown as CanvasRenderingContext2D, config);
  try {
    return await canvas.encode("png");
  } finally {
    drawn.destroy();
  }
}
