import type { APIEmbed } from "discord-api-types/v10";

/** The parts of a Discord message the console shows. */
export interface RenderableMessage {
  content?: string | null;
  embeds?: APIEmbed[];
  components?: {
    type: number;
    components?: {
      type: number;
      label?: string;
      custom_id?: string;
      disabled?: boolean;
      options?: { label: string }[];
      placeholder?: string;
    }[];
  }[];
  attachments?: { filename: string; size?: number }[];
  flags?: number;
}

const ephemeralFlag = 1 << 6;

/** A message as readable text for a terminal: what a member would see in the channel. */
export function renderMessage(message: RenderableMessage): string {
  const out: string[] = [];
  if (message.flags !== undefined && (message.flags & ephemeralFlag) !== 0) out.push("(only you can see this)");
  if (message.content) out.push(message.content);
  for (const embed of message.embeds ?? []) {
    if (embed.title) out.push(`# ${embed.title}`);
    if (embed.description) out.push(embed.description);
    for (const field of embed.fields ?? []) out.push("", `## ${field.name}`, field.value);
    if (embed.image?.url) out.push(`[image: ${embed.image.url}]`);
    if (embed.footer?.text) out.push("", `— ${embed.footer.text}`);
  }
  for (const row of message.components ?? []) {
    const parts = (row.components ?? []).map((c) => {
      if (c.options) return `[${c.placeholder ?? "choose"}: ${c.options.map((o) => o.label).join(" | ")}]`;
      return `[${c.label ?? c.custom_id}${c.disabled ? " (disabled)" : ""}]`;
    });
    if (parts.length) out.push(parts.join(" "));
  }
  for (const file of message.attachments ?? [])
    out.push(`[attachment: ${file.filename}${file.size ? `, ${file.size} bytes` : ""}]`);
  return out.join("\n");
}

/**
 * Splits `/leaderboard season:32 week:11` into the command name and its raw option values; bare words after the name
 * are the subcommand (and its group), as in `/predictions me` or `/admin settings show`.
 */
export function parseCommandLine(line: string): { name: string; path: string[]; options: Map<string, string> } {
  const match = /^\/?([-\w]+)((?:\s+[-\w]+(?=\s|$))*)(.*)$/s.exec(line.trim());
  if (!match)
    throw new Error(`"${line}" is not a command; write it as in Discord, e.g. /leaderboard season:32 week:11`);
  const options = new Map<string, string>();
  const path = (match[2] ?? "").split(/\s+/).filter(Boolean);
  const rest = match[3] ?? "";
  const keys = [...rest.matchAll(/(?:^|\s)([-\w]+):/g)];
  keys.forEach((key, i) => {
    const start = (key.index ?? 0) + key[0].length;
    const end = keys[i + 1]?.index ?? rest.length;
    options.set(key[1] as string, rest.slice(start, end).trim());
  });
  return { name: match[1] as string, path, options };
}
