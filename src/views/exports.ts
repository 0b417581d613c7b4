import type { View } from "./view.js";

/** A private reply carrying one CSV file. */
export function exportView(file: { name: string; data: Buffer; rows: number }, what: string): View {
  const content =
    file.rows === 0
      ? `📄 ${what}: nothing recorded yet, so the file has only its header row.`
      : `📄 ${what}: ${file.rows} row${file.rows === 1 ? "" : "s"}.`;
  return { content, embeds: [], components: [], files: [{ name: file.name, data: file.data, description: what }] };
}
