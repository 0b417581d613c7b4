/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const limits = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  content: 2000,
  selectOptions: 25,
  customId: 100,
  choiceName: 100,
} as const;

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface Field {
  name: string;
  value: string;
}

/** Joins lines into a field value, dropping the lines that do not fit and saying how many were left out. */
export function fitLines(lines: readonly string[], max: number = limits.fieldValue): string {
  const kept: string[] = [];
  let used = 0;
  for (const [i, line] of lines.entries()) {
    const remaining = lines.length - i - 1;
    const reserve = remaining > 0 ? 24 : 0;
    const clipped = clip(line, 300);
    if (used + clipped.length + 1 > max - reserve) {
      kept.push(`…and ${lines.length - i} more`);
      break;
    }
    kept.push(clipped);
    used += clipped.length + 1;
  }
  return kept.join("\n") || "\u200b";
}

/** Splits fields into pages that each fit one embed next to a header of `reserved` characters. */
export function paginateFields(fields: readonly Field[], reserved: number, perPage = 10): Field[][] {
  const budget = limits.embedTotal - reserved - 100;
  const pages: Field[][] = [];
  let page: Field[] = [];
  let used = 0;
  for (const field of fields) {
    const size = field.name.length + field.value.length;
    if (page.length > 0 && (page.length >= Math.min(perPage, limits.fields) || used + size > budget)) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(field);
    used += size;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

/** Splits lines into field values of at most `max` characters each, without cutting a line (unless it alone is too long). */
export function chunkLines(lines: readonly string[], max: number = limits.fieldValue): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let used = 0;
  for (const raw of lines) {
    const line = clip(raw, max);
    if (current.length > 0 && used + line.length + 1 > max) {
      chunks.push(current.join("\n"));
      current = [];
      used = 0;
    }
    current.push(line);
    used += line.length + 1;
  }
  if (current.length > 0) chunks.push(current.join("\n"));
  return chunks;
}

/** Fields titled `name`, then `name (continued)`, holding every line. */
export function linesToFields(name: string, lines: readonly string[], perField = limits.fieldValue): Field[] {
  return chunkLines(lines, perField).map((value, i) => ({
    name: clip(i === 0 ? name : `${name} (continued)`, limits.fieldName),
    value,
  }));
}

/** Characters an embed counts towards Discord's 6000 limit. */
export function embedSize(embed: {
  title?: string;
  description?: string;
  footer?: { text: string };
  author?: { name: string };
  fields?: { name: string; value: string }[];
}): number {
  let size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  size += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) size += f.name.length + f.value.length;
  return size;
}
