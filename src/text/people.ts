/**
 * One spelling per real person across seasons, roles and sources (the data build and the season feed).
 * Every name read from a source goes through `canonicalName`; matching across sources uses `nameKey`.
 */

/** Source spellings (typos, short forms, married names) mapped to the one spelling the project uses. */
export const NAME_ALIASES: Readonly<Record<string, string>> = {
  // MCM typos
  "Ashley Hamiliton": "Ashley Hamilton",
  "Sherri Sheperd": "Sherri Shepherd",
  "Xoshitl Gomez": "Xochitl Gomez",
  "Maksim Chmerkoskiy": "Maksim Chmerkovskiy",
  "Veron Davis": "Vernon Davis",
  "Metta World Peace (Ron)": "Metta World Peace",
  // pros: the show's usual name
  "Valentin Chmerkovskiy": "Val Chmerkovskiy",
  "Kym Herjavec": "Kym Johnson",
  "Kym Johnson Herjavec": "Kym Johnson",
};

/** Trim, turn non-breaking and repeated spaces into one space, drop footnote marks like "[a]". */
export function cleanText(text: string): string {
  return text
    .replace(/\[[^\]]{1,6}\]/g, "")
    .replace(/[\u00a0\u2007\u202f\s]+/g, " ")
    .trim();
}

/** Accent-, case- and punctuation-insensitive key for matching one person across sources. */
export function nameKey(name: string): string {
  return cleanText(name)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const aliasByKey = new Map<string, string>(Object.entries(NAME_ALIASES).map(([from, to]) => [nameKey(from), to]));

/** The project's spelling of a person's name. */
export function canonicalName(raw: string): string {
  const name = cleanText(raw);
  return aliasByKey.get(nameKey(name)) ?? name;
}
