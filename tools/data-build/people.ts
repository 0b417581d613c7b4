/**
 * One spelling per real person across seasons and roles: the name helpers live in src/text/people.ts (the season
 * feed reads articles with them too); the registry of spellings chosen while building is here.
 */
import { canonicalName, nameKey } from "../../src/text/people.js";

export { canonicalName, cleanText, NAME_ALIASES, nameKey } from "../../src/text/people.js";

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
