/**
 * Resolves the short couple names of the weekly tables ("Kelly & Alec", "Anna D.", "Bill E. & Emma")
 * to the season's couples, and a partner who is not the couple's pro to a stand-in.
 */
import { nameKey } from "./people.js";

export interface CastCouple {
  celebrity: string;
  pro: string;
}

/** Every professional known across all seasons, with the seasons they danced in. */
export class ProDirectory {
  private readonly seasons = new Map<string, { name: string; seasons: number[] }>();

  add(name: string, season: number): void {
    const key = nameKey(name);
    const entry = this.seasons.get(key) ?? { name, seasons: [] };
    if (!entry.seasons.includes(season)) entry.seasons.push(season);
    this.seasons.set(key, entry);
  }

  /** The pro a short name ("Derek", "Anna T.") means, preferring the nearest season. */
  find(short: string, season: number): string | null {
    const matches = [...this.seasons.values()].filter((p) => shortMatches(short, p.name) > 0);
    if (matches.length === 0) return null;
    const distance = (p: { seasons: number[] }) => Math.min(...p.seasons.map((s) => Math.abs(s - season)));
    matches.sort(
      (a, b) =>
        shortMatches(short, b.name) - shortMatches(short, a.name) ||
        distance(a) - distance(b) ||
        a.name.localeCompare(b.name),
    );
    return matches[0]?.name ?? null;
  }
}

/**
 * How well a short form matches a full name: 3 = the short's words start the full name's words in order
 * ("Bill E." ~ "Bill Engvall", "Anna T." ~ "Anna Trebunskaya"); 2 = a whole word of the full name;
 * 1 = a prefix of the first word ("Maks" ~ "Maksim"); 0 = no match.
 */
export function shortMatches(short: string, full: string): number {
  const s = nameKey(short).split(" ").filter(Boolean);
  const f = nameKey(full).split(" ").filter(Boolean);
  if (s.length === 0 || f.length === 0) return 0;
  const joinedS = s.join("");
  if (s.every((t, i) => f[i] !== undefined && (f[i] === t || (i > 0 && f[i]?.startsWith(t))))) return 3;
  if (f.join("") === joinedS || f.join("").startsWith(joinedS)) return 3;
  if (s.length === 1 && f.includes(s[0] ?? "")) return 2;
  if (s.length === 1 && (f[0]?.startsWith(s[0] ?? "") || (s[0] ?? "").startsWith(f[0] ?? ""))) return 1;
  return 0;
}

export interface Resolved {
  couple: string;
  /** The partner who danced, when not the couple's own pro (full name when it could be found). */
  standIn: string | null;
}

export class CoupleResolver {
  constructor(
    private readonly cast: CastCouple[],
    private readonly pros: ProDirectory,
    private readonly season: number,
  ) {}

  /**
   * `context` is the week's paragraph text, searched for a stand-in's full name ("... performed with Alexis Warr").
   */
  resolve(celebShort: string, proShort: string, context = ""): Resolved | null {
    const scored = this.cast
      .map((c) => ({ c, celeb: shortMatches(celebShort, c.celebrity), pro: shortMatches(proShort, c.pro) }))
      .filter((x) => x.celeb > 0 || x.pro > 0);
    if (scored.length === 0) return null;
    scored.sort((a, b) => b.celeb * 4 + b.pro - (a.celeb * 4 + a.pro));
    const best = scored[0];
    if (!best) return null;
    if (best.celeb === 0) {
      // Only the partner matched: accept when that pro has a single couple this season.
      const same = scored.filter((x) => x.pro === best.pro && x.pro >= 2);
      if (same.length !== 1) return null;
      return { couple: best.c.celebrity, standIn: null };
    }
    const tied = scored.filter((x) => x.celeb === best.celeb && x.pro === best.pro);
    if (tied.length > 1) return null;
    if (best.pro > 0) return { couple: best.c.celebrity, standIn: null };
    return { couple: best.c.celebrity, standIn: this.standInName(proShort, context) };
  }

  private standInName(short: string, context: string): string {
    const first = short.replace(/\.$/, "").trim();
    const escaped = first.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const m = new RegExp(`\\b${escaped}\\s+((?:[A-Z][\\p{L}'’-]+\\s?){1,2})`, "u").exec(context);
    if (m?.[1]) return `${first} ${m[1].trim()}`;
    return this.pros.find(short, this.season) ?? short;
  }
}
