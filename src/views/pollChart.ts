/** The results bar chart as a PNG, drawn pixel by pixel (no native canvas): one numbered bar per answer. */
import { crc32, deflateSync } from "node:zlib";
import type { Tally } from "../polls/tally.js";

// 3x5 digits and a few signs, one string per row ("#" = ink), scaled up when drawn.
const glyphs: Record<string, string[]> = {
  "0": ["###", "#.#", "#.#", "#.#", "###"],
  "1": [".#.", "##.", ".#.", ".#.", "###"],
  "2": ["###", "..#", "###", "#..", "###"],
  "3": ["###", "..#", "###", "..#", "###"],
  "4": ["#.#", "#.#", "###", "..#", "..#"],
  "5": ["###", "#..", "###", "..#", "###"],
  "6": ["###", "#..", "###", "#.#", "###"],
  "7": ["###", "..#", "..#", "..#", "..#"],
  "8": ["###", "#.#", "###", "#.#", "###"],
  "9": ["###", "#.#", "###", "..#", "###"],
  "%": ["#.#", "..#", ".#.", "#..", "#.#"],
  ".": ["...", "...", "...", "...", ".#."],
  " ": ["...", "...", "...", "...", "..."],
};

export const barColors: [number, number, number][] = [
  [201, 162, 39],
  [88, 101, 242],
  [87, 242, 135],
  [235, 69, 158],
  [254, 231, 92],
  [237, 66, 69],
  [52, 152, 219],
  [155, 89, 182],
];

class Canvas {
  readonly pixels: Buffer;
  constructor(
    readonly width: number,
    readonly height: number,
    background: [number, number, number],
  ) {
    this.pixels = Buffer.alloc(width * height * 3);
    this.rect(0, 0, width, height, background);
  }

  rect(x: number, y: number, w: number, h: number, [r, g, b]: [number, number, number]): void {
    for (let row = Math.max(0, y); row < Math.min(this.height, y + h); row++) {
      for (let col = Math.max(0, x); col < Math.min(this.width, x + w); col++) {
        const at = (row * this.width + col) * 3;
        this.pixels[at] = r;
        this.pixels[at + 1] = g;
        this.pixels[at + 2] = b;
      }
    }
  }

  text(x: number, y: number, text: string, scale: number, color: [number, number, number]): void {
    [...text].forEach((char, i) => {
      const glyph = glyphs[char] ?? glyphs[" "];
      glyph?.forEach((line, row) => {
        [...line].forEach((cell, col) => {
          if (cell === "#") this.rect(x + (i * 4 + col) * scale, y + row * scale, scale, scale, color);
        });
      });
    });
  }

  png(): Buffer {
    const raw = Buffer.alloc((this.width * 3 + 1) * this.height);
    for (let row = 0; row < this.height; row++) {
      raw[row * (this.width * 3 + 1)] = 0;
      this.pixels.copy(raw, row * (this.width * 3 + 1) + 1, row * this.width * 3, (row + 1) * this.width * 3);
    }
    const header = Buffer.alloc(13);
    header.writeUInt32BE(this.width, 0);
    header.writeUInt32BE(this.height, 4);
    header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", Buffer.alloc(0)),
    ]);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** One bar per answer, numbered like the embed's list, its length the share of the vote, its percentage at the end. */
export function pollChartPng(result: Tally): Buffer {
  const rowHeight = 34;
  const width = 640;
  const height = Math.max(1, result.rows.length) * rowHeight + 16;
  const canvas = new Canvas(width, height, [43, 45, 49]);
  const labelWidth = 48;
  const maxBar = width - labelWidth - 100;
  result.rows.forEach((row, i) => {
    const y = 8 + i * rowHeight;
    canvas.text(8, y + 7, String(i + 1).padStart(2, " "), 4, [220, 221, 222]);
    canvas.rect(labelWidth, y + 4, maxBar, rowHeight - 8, [64, 66, 73]);
    const color = barColors[i % barColors.length] ?? [201, 162, 39];
    canvas.rect(labelWidth, y + 4, Math.round((maxBar * row.percent) / 100), rowHeight - 8, color);
    canvas.text(labelWidth + maxBar + 10, y + 7, `${row.percent}%`, 4, [220, 221, 222]);
  });
  return canvas.png();
}
