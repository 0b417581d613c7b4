/** Expands an HTML table (rowspan/colspan) into a grid of cells, each keeping its element for text and markup. */
import type { Cheerio, CheerioAPI } from "cheerio";
import type { Element } from "domhandler";

export interface GridCell {
  /** The cell's text with <br> kept as "\n", footnote marks removed, whitespace tidied. */
  text: string;
  html: string;
  header: boolean;
  /** The cell spans several rows: the same cell object appears in each. */
  origin: { row: number; col: number };
  bg: string | null;
}

export function tableGrid($: CheerioAPI, table: Cheerio<Element>): GridCell[][] {
  const grid: GridCell[][] = [];
  table.find("tr").each((r, tr) => {
    grid[r] ??= [];
    let c = 0;
    $(tr)
      .children("th,td")
      .each((_, cellEl) => {
        const row = grid[r] ?? [];
        while (row[c]) c++;
        const cell = $(cellEl);
        const rowspan = Math.max(1, Number(cell.attr("rowspan") ?? 1) || 1);
        const colspan = Math.max(1, Number(cell.attr("colspan") ?? 1) || 1);
        const value: GridCell = {
          text: cellText(cell),
          html: cell.html() ?? "",
          header: cellEl.tagName === "th",
          origin: { row: r, col: c },
          bg: backgroundOf(cell),
        };
        for (let dr = 0; dr < rowspan; dr++) {
          grid[r + dr] ??= [];
          for (let dc = 0; dc < colspan; dc++) {
            const target = grid[r + dr] ?? [];
            target[c + dc] = value;
          }
        }
        c += colspan;
      });
  });
  return grid;
}

/** Text of an element: <br> -> newline, footnotes and hidden sort keys dropped, spaces tidied per line. */
export function cellText(el: Cheerio<Element>): string {
  const copy = el.clone();
  copy.find("sup.reference, sup, .sortkey, style, .mw-editsection").remove();
  copy.find("span[style*='display:none']").remove();
  copy.find("br").replaceWith("\n");
  return copy
    .text()
    .replace(/\[[^\]\n]{1,6}\]/g, "")
    .split("\n")
    .map((line) => line.replace(/[\s\u00a0]+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

function backgroundOf(cell: Cheerio<Element>): string | null {
  const bg = cell.attr("bgcolor") ?? /background(?:-color)?:\s*([^;]+)/i.exec(cell.attr("style") ?? "")?.[1] ?? null;
  return bg ? bg.trim().toLowerCase() : null;
}
