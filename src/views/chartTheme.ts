/**
 * The charts' colours, apart from the renderer so views can name them without loading Chart.js and the canvas
 * (those load in the chart process, only when a chart is drawn).
 */
/** Readable on Discord's dark theme: the chart brings its own dark background rather than relying on the client's. */
export const chartTheme = {
  background: "#2b2d31",
  text: "#dbdee1",
  grid: "rgba(219, 222, 225, 0.15)",
  lines: ["#f0c419", "#5ec8f2", "#f47fff", "#57f287"],
  bars: ["#c9a227", "#5865f2", "#57f287", "#eb459e", "#fee75c", "#ed4245", "#3498db", "#9b59b6"],
  average: "#b5bac1",
} as const;
