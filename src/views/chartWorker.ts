/** The chart worker thread: draws charts with Chart.js on a canvas, away from the bot's event loop. */
import { parentPort } from "node:worker_threads";
import { type BarChart, type LineChart, renderBarChart, renderLineChart } from "./chart.js";

export type ChartJob = { id: number } & ({ kind: "line"; chart: LineChart } | { kind: "bar"; chart: BarChart });
export type ChartDone = { id: number; png: Uint8Array } | { id: number; error: string };

parentPort?.on("message", async (job: ChartJob) => {
  try {
    const png = job.kind === "line" ? await renderLineChart(job.chart) : renderBarChart(job.chart);
    const bytes = new Uint8Array(png.buffer, png.byteOffset, png.byteLength).slice();
    parentPort?.postMessage({ id: job.id, png: bytes } satisfies ChartDone, [bytes.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: String((error as Error)?.stack ?? error) } satisfies ChartDone);
  }
});
