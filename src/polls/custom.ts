/** A custom poll's answers as typed in one option: "Yes | No | Maybe" (or separated by ; or commas). */

export const minOptions = 2;
export const maxOptions = 25;
export const maxOptionLength = 80;
export const maxQuestionLength = 200;

export type OptionsCheck = { ok: true; options: string[] } | { ok: false; reason: string };

export function parseCustomOptions(text: string): OptionsCheck {
  const separator = text.includes("|") ? "|" : text.includes(";") ? ";" : ",";
  const options = text
    .split(separator)
    .map((o) => o.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  if (options.length < minOptions) {
    return { ok: false, reason: "A poll needs at least 2 answers, separated by `|`, e.g. `Yes | No | Maybe`." };
  }
  if (options.length > maxOptions) {
    return { ok: false, reason: `A poll can offer at most ${maxOptions} answers; you gave ${options.length}.` };
  }
  const long = options.find((o) => o.length > maxOptionLength);
  if (long) {
    return {
      ok: false,
      reason: `Each answer can be at most ${maxOptionLength} characters; "${long.slice(0, 30)}…" is longer.`,
    };
  }
  const seen = new Set<string>();
  for (const o of options) {
    const key = o.toLowerCase();
    if (seen.has(key))
      return { ok: false, reason: `"${o.slice(0, 40)}" is listed twice; each answer must be different.` };
    seen.add(key);
  }
  return { ok: true, options };
}

/** Who may create and close polls and change settings: Manage Server, or the server's chosen poll role. */
export function canManagePolls(
  member: { manageGuild: boolean; roleIds: readonly string[] },
  managerRoleId: string | null,
): boolean {
  return member.manageGuild || (managerRoleId !== null && member.roleIds.includes(managerRoleId));
}
