/**
 * One spelling per real person across seasons and roles.
 * Every name read from any source goes through `canonicalName`; matching across sources uses `nameKey`.
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

/**
 * Registry of the spellings already chosen, so a name written without its accents in one source
 * ("Helio Castroneves") takes the accented spelling another source gave ("Hélio Castroneves").
 */
export class People {
  private readonly byKey = new Map<string, string>();

  /** Remember a spelling; an accented spelling wins over an unaccented one. */
  add(raw: string): string {
    const name = canonicalName(raw);
    const key = nameKey(name);
    const known = this.byKey.get(key);
    if (!known || (!hasAccent(known) && hasAccent(name))) this.byKey.set(key, name);
    return this.byKey.get(key) ?? name;
  }

  /** The spelling to use for a name (registered or not). */
  get(raw: string): string {
    const name = canonicalName(raw);
    return this.byKey.get(nameKey(name)) ?? name;
  }
}

function hasAccent(name: string): boolean {
  return name.normalize("NFD") !== name;
}
