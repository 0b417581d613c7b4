/**
 * The chart process: draws charts with Chart.js on a Skia canvas, away from the bot's event loop and outside its
 * memory. The bot forks it when the first chart is asked for; it exits when the bot disconnects (or dies).
 */
import { type BarChart, compactPng, type LineChart, renderBarChart, renderLineChart } from "./chart.js";

export type ChartJob = { id: number } & ({ kind: "line"; chart: LineChart } | { kind: "bar"; chart: BarChart });
export type ChartDone = { id: number; png: Uint8Array } | { id: number; error: string };

const send = (done: ChartDone) => process.send?.(done);

process.on("message", async (job: ChartJob) => {
  try {
    const png = await compactPng(job.kind === "line" ? await renderLineChart(job.chart) : renderBarChart(job.chart));
    send({ id: job.id, png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) });
  } catch (error) {
    send({ id: job.id, error: String((error as Error)?.stack ?? error) });
  }
});
process.on("disconnect", () => process.exit(0));
