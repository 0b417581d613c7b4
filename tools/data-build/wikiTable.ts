/** A weekly table's layout and rows: which column holds what, and each row's cells parsed (no season logic). */
import type { GridCell } from "./htmlTable.js";
import {
  type DanceCell,
  type Music,
  parseDanceCell,
  parseMusicCell,
  parseResultCell,
  parseScoreCell,
  type WeeklyOutcome,
} from "./wikiCells.js";

export interface Columns {
  couple: number;
  scores: number[];
  dance: number;
  music: number;
  result: number;
  defaultArtist: string | null;
  extras: { name: string; index: number }[];
}

/** The couples a row's couple cell names, partners dancing in for the couple's pro, and any other lines as labels. */
export interface RowRef {
  couples: string[];
  standIns: { couple: string; by: string; for: string }[];
  labels: string[];
}

/** A column outside the usual five ("Guest judge", "Trio partner", "Judge") and its value in one row. */
export interface Extra {
  name: string;
  value: string;
}

/** One table row with its cells parsed. */
export interface DanceRow {
  row: GridCell[];
  ref: RowRef;
  dance: DanceCell;
  musicText: string;
  music: Music;
  result: { outcome: WeeklyOutcome | null; note: string | null };
  extras: Extra[];
}

/** Which column is which, from the header texts; "Music by Queen"-style headers give a default artist. */
export function columnsOf(headers: string[]): Columns {
  const find = (re: RegExp) => headers.findIndex((h) => re.test(h));
  const scores = headers.map((h, i) => (/score/i.test(h) ? i : -1)).filter((i) => i >= 0);
  const music = find(/music/i);
  const musicHeader = headers[music] ?? "";
  const by = /^music by (.+)$/i.exec(musicHeader) ?? /^music from (.+)$/i.exec(musicHeader);
  const named = /^(.+?) music$/i.exec(musicHeader);
  const defaultArtist =
    by?.[1] && !/^music from/i.test(musicHeader)
      ? by[1]
      : named?.[1] && !/^(classical|motown)$/i.test(named[1])
        ? named[1]
        : null;
  const base = new Set([find(/^couple/i), ...scores, find(/^dance/i), music, find(/^result/i)]);
  const extras = headers.map((name, index) => ({ name, index })).filter((e) => !base.has(e.index));
  return {
    couple: find(/^couple/i),
    scores,
    dance: find(/^dance/i),
    music,
    result: find(/^result/i),
    defaultArtist,
    extras,
  };
}

/**
 * The rows worth reading, parsed one at a time (lazily, so that diagnostics keep their row order):
 * header rows, rows that only repeat rowspanned cells and rows naming no known couple are skipped.
 */
export function* readRows(
  rows: GridCell[][],
  col: Columns,
  resolveRef: (text: string) => RowRef | null,
): Generator<DanceRow> {
  const seenOrigins = new Set<string>();
  for (const row of rows) {
    const coupleCell = row[col.couple];
    if (!coupleCell || (coupleCell.header && /^couple/i.test(coupleCell.text))) continue;
    // Rows that only repeat rowspanned cells from above (same origin for every cell) are skipped.
    const originKey = row.map((c) => `${c.origin.row}:${c.origin.col}`).join("|");
    if (seenOrigins.has(originKey)) continue;
    seenOrigins.add(originKey);
    const ref = resolveRef(coupleCell.text);
    if (!ref) continue;
    yield readRow(row, col, ref);
  }
}

function readRow(row: GridCell[], col: Columns, ref: RowRef): DanceRow {
  const danceCell = col.dance >= 0 ? (row[col.dance]?.text ?? "") : "";
  const musicCell = col.music >= 0 ? row[col.music] : undefined;
  const musicText = musicCell?.text ?? "";
  const resultCell = col.result >= 0 ? row[col.result] : undefined;
  // A result cell merged with the music cell (one cell spanning both columns) is not a result.
  const sameAsMusic = resultCell && musicCell && resultCell.origin.col === musicCell.origin.col;
  return {
    row,
    ref,
    dance: parseDanceCell(danceCell),
    musicText,
    music: parseMusicCell(musicText, col.defaultArtist),
    result: resultCell && !sameAsMusic ? parseResultCell(resultCell.text) : { outcome: null, note: null },
    extras: readExtras(row, col, musicCell),
  };
}

/** The extra columns with a value in this row; a cell that is really the music cell spanning over is left out. */
function readExtras(row: GridCell[], col: Columns, musicCell: GridCell | undefined): Extra[] {
  return col.extras
    .map((e) => ({
      name: e.name,
      value:
        row[e.index]?.text
          .replace(/\n/g, " ")
          .replace(/\s+&\s*/g, " & ")
          .trim() ?? "",
    }))
    .filter(
      (e) => e.value && !(musicCell && row[col.extras.find((x) => x.name === e.name)?.index ?? -1] === musicCell),
    );
}

/** Music sung for several couples dancing at once, each scored: a face-off (S6, S7, S8 finals). */
export function faceOffMusic(rows: GridCell[][], col: Columns): Set<string> {
  const musicCount = new Map<string, Set<string>>();
  for (const r of rows) {
    const couple = r[col.couple]?.text ?? "";
    const m = col.music >= 0 ? (r[col.music]?.text ?? "") : "";
    const sc = col.scores[0] !== undefined ? parseScoreCell(r[col.scores[0]]?.text ?? "") : null;
    if (!m || couple.includes("\n") || sc?.kind !== "scores") continue;
    musicCount.set(m, (musicCount.get(m) ?? new Set()).add(couple));
  }
  return new Set([...musicCount.entries()].filter(([, c]) => c.size >= 2).map(([m]) => m));
}
