import type { Tally } from "../../polls/tally.js";
import { renderBarChart } from "../../views/charts.js";
import { clip } from "../../views/limits.js";

/** The results as a bar chart: one bar per answer, numbered and named as in the embed, with its share of the vote. */
export function pollChartPng(question: string, result: Tally): Promise<Buffer> {
  return renderBarChart({
    title: clip(question, 80),
    labels: result.rows.map((row, i) => clip(`${i + 1}. ${row.label}`, 42)),
    values: result.rows.map((row) => row.percent),
  });
}
