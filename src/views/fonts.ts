import { createRequire } from "node:module";
import { GlobalFonts } from "@napi-rs/canvas";

/** The family every chart draws with: shipped from npm, so a bare machine with no system fonts renders the same. */
export const chartFont = "Mirrorball Sans";

const require = createRequire(import.meta.url);
const files = [
  "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2",
  "@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2",
  "@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2",
  "@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2",
];

let registered = false;

/** Registers the chart font once; throws if the font files are missing rather than drawing boxes. */
export function registerChartFont(): void {
  if (registered) return;
  for (const file of files) {
    if (!GlobalFonts.registerFromPath(require.resolve(file), chartFont)) throw new Error(`could not register ${file}`);
  }
  registered = true;
}
