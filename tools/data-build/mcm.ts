/** The MCM 2026 Problem C table: one row per celebrity, with weekly per-judge numbers in positional judge slots. */
import { parseCsvObjects } from "./csv.js";
import { canonicalName, cleanText } from "./people.js";

export interface McmRow {
  season: number;
  celebrity: string;
  /** The regular partner, canonical spelling, without the week-9 substitution note. */
  pro: string;
  /** A substitution written into the partner field, e.g. "Rashad Jennings week 9". */
  partnerNote: string | null;
  industry: string | null;
  homeState: string | null;
  homeCountry: string | null;
  age: number | null;
  /** "1st Place", "Eliminated Week 3", "Withdrew". */
  result: string;
  placement: number | null;
  /** week -> four judge slots; null = N/A (no such judge or no show), 0 = already out. */
  weeks: Map<number, (number | null)[]>;
}

export function parseMcm(text: string): McmRow[] {
  return parseCsvObjects(text).map((r) => {
    const weeks = new Map<number, (number | null)[]>();
    for (let w = 1; w <= 11; w++) {
      const slots: (number | null)[] = [];
      for (let j = 1; j <= 4; j++) slots.push(parseScore(r[`week${w}_judge${j}_score`] ?? "N/A"));
      weeks.set(w, slots);
    }
    const { pro, note } = splitPartner(r.ballroom_partner ?? "");
    const age = Number.parseInt(r.celebrity_age_during_season ?? "", 10);
    const placement = Number.parseInt(r.placement ?? "", 10);
    return {
      season: Number(r.season),
      celebrity: canonicalName(r.celebrity_name ?? ""),
      pro,
      partnerNote: note,
      industry: emptyToNull(r.celebrity_industry),
      homeState: emptyToNull(r.celebrity_homestate),
      homeCountry: emptyToNull(r["celebrity_homecountry/region"]),
      age: Number.isFinite(age) ? age : null,
      result: cleanText(r.results ?? ""),
      placement: Number.isFinite(placement) ? placement : null,
      weeks,
    };
  });
}

function parseScore(raw: string): number | null {
  const t = raw.trim();
  if (t === "" || t.toUpperCase() === "N/A") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function emptyToNull(raw: string | undefined): string | null {
  const t = cleanText(raw ?? "");
  return t === "" ? null : t;
}

/** "Witney Carson (Xoshitl Gomez week 9)" -> Witney Carson + note; "Emma Slater/Kaitlyn Bristowe (week 9)" likewise. */
export function splitPartner(raw: string): { pro: string; note: string | null } {
  const text = cleanText(raw);
  const paren = /^(.*?)\s*\((.*)\)$/.exec(text);
  let main = paren?.[1] ?? text;
  let note = paren?.[2] ?? null;
  const slash = /^(.*?)\s*\/\s*(.*)$/.exec(main);
  if (slash?.[1] && slash[2]) {
    main = slash[1];
    note = `${canonicalName(slash[2])}${note ? ` ${note}` : ""}`;
  } else if (note) {
    const m = /^(.*?)\s+(week \d+)$/.exec(note);
    if (m?.[1] && m[2]) note = `${canonicalName(m[1])} ${m[2]}`;
  }
  return { pro: canonicalName(main), note };
}

/** Weeks that have a show in the season (any non-null slot across the season's rows). */
export function mcmWeeksOfSeason(rows: McmRow[]): number[] {
  const weeks = new Set<number>();
  for (const r of rows) for (const [w, s] of r.weeks) if (s.some((v) => v !== null)) weeks.add(w);
  return [...weeks].sort((a, b) => a - b);
}

/** The couple's weekly per-judge numbers for a week (only judge slots that exist), or null when out / no show. */
export function mcmWeekly(row: McmRow, week: number): number[] | null {
  const slots = row.weeks.get(week);
  if (!slots) return null;
  const present = slots.filter((v): v is number => v !== null);
  if (present.length === 0 || present.every((v) => v === 0)) return null;
  return present;
}

/** Hometown as MCM gives it: "Texas, United States" or just the country. */
export function mcmHometown(row: McmRow): string | null {
  const parts = [row.homeState, row.homeCountry].filter((p): p is string => !!p);
  return parts.length ? parts.join(", ") : null;
}

/** "Eliminated Week 3" -> 3, "Withdrew" -> null. */
export function mcmExitWeek(result: string): number | null {
  const m = /Eliminated Week (\d+)/i.exec(result);
  return m?.[1] ? Number(m[1]) : null;
}
