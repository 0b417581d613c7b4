import { parse } from "csv-parse/sync";

const options = { bom: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true };

/** The rows of a CSV file (quoted fields, doubled quotes, CRLF or LF, a leading BOM), blank rows left out. */
export function parseCsv(text: string): string[][] {
  return parse(text, options) as string[][];
}

/** Rows as objects keyed by the header line. */
export function parseCsvObjects(text: string): Record<string, string>[] {
  return parse(text, { ...options, columns: (header: string[]) => header.map((h) => h.trim()) }) as Record<
    string,
    string
  >[];
}
