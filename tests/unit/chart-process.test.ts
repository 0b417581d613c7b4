import { afterAll, describe, expect, it } from "vitest";
import { renderLineChart, stopChartProcess } from "../../src/views/charts.js";

const png = [0x89, 0x50, 0x4e, 0x47];
const chart = (title: string) => ({
  title,
  labels: ["Week 1", "Week 2", "Week 3"],
  yTitle: "Average mark",
  lines: [{ label: "Couple", values: [6, 7.5, 8] }],
});

describe("the chart process", () => {
  afterAll(() => stopChartProcess());

  it("GIVEN a chart WHEN drawn THEN a PNG comes back from the chart process, and the same input is drawn once", async () => {
    const first = await renderLineChart(chart("once"));
    expect([...first.subarray(0, 4)]).toEqual(png);
    expect(await renderLineChart(chart("once"))).toBe(first);
  });

  it("GIVEN the process stopping WHEN a chart is asked for at that moment THEN a new process draws it", async () => {
    await renderLineChart(chart("before"));
    const stopping = stopChartProcess();
    const drawn = renderLineChart(chart("during"));
    await stopping;
    expect([...(await drawn).subarray(0, 4)]).toEqual(png);
  });
});
