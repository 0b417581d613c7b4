/**
 * Wikitext helpers for the local MediaWiki: `stripRefs` makes small fixtures of Wikipedia articles, `airedCuts` replays
 * a finished season's article as the revisions it went through while the season aired, one per week.
 */

/**
 * Removes references: `<ref …>…</ref>` and `<ref … />` (named or not, any case). Everything else stays, HTML comments
 * and `<references />` included.
 */
export function stripRefs(wikitext: string): string {
  return wikitext.replace(/<ref(?:\s[^>]*?)?\/>|<ref(?:\s[^>]*)?>[\s\S]*?<\/ref\s*>/gi, "");
}

interface Heading {
  level: number;
  title: string;
  /** Offset of the heading line's first character. */
  start: number;
}

/** Section headings, `== Title ==` or `==Title==`, with their level (the number of `=`) and where they start. */
function headings(wikitext: string): Heading[] {
  const found: Heading[] = [];
  for (const m of wikitext.matchAll(/^(={1,6})[ \t]*(.+?)[ \t]*\1[ \t]*$/gm)) {
    const marks = m[1] ?? "";
    found.push({ level: marks.length, title: (m[2] ?? "").trim(), start: m.index });
  }
  return found;
}

/** Where the section that starts at heading `i` ends: the next heading of the same or a higher level, or the end. */
function sectionEnd(all: Heading[], i: number, length: number): number {
  const level = all[i]?.level ?? 1;
  for (let j = i + 1; j < all.length; j++) {
    const next = all[j];
    if (next && next.level <= level) return next.start;
  }
  return length;
}

/** Level-2 sections a season's article only has once it is over (or that say nothing of a week), dropped from every cut. */
const LATER_SECTIONS = /^(dance chart|scoring chart|reception)$/i;

/**
 * The season as it aired: for each week section (`=== Week N… ===` under `== Weekly scores ==`), the article as it
 * could have stood after that week — everything before the first week section (without the scoring chart, dance chart
 * and reception, which summarise the whole season), the week sections up to this one, and the references section.
 * Sections after the week (later weeks, the dance chart, anything else) are left out.
 */
export function airedCuts(fullArticle: string): { week: number; content: string }[] {
  const all = headings(fullArticle);
  const scoresAt = all.findIndex((h) => h.level === 2 && /^weekly scores$/i.test(h.title));
  const scores = all[scoresAt];
  if (!scores) return [];
  const scoresEnd = sectionEnd(all, scoresAt, fullArticle.length);
  const weeks: { week: number; start: number; end: number }[] = [];
  all.forEach((h, i) => {
    const m = /^week\s+(\d+)\b/i.exec(h.title);
    if (h.level === 3 && m && h.start > scores.start && h.start < scoresEnd)
      weeks.push({ week: Number(m[1]), start: h.start, end: sectionEnd(all, i, fullArticle.length) });
  });
  const first = weeks[0];
  if (!first) return [];

  // Before the first week: the lead, the cast, the episodes and the weekly scores' preamble, without the whole-season
  // sections (a dropped level-2 section takes its subsections with it).
  const dropped: { start: number; end: number }[] = [];
  all.forEach((h, i) => {
    if (h.level === 2 && LATER_SECTIONS.test(h.title))
      dropped.push({ start: h.start, end: sectionEnd(all, i, fullArticle.length) });
  });
  let before = "";
  let at = 0;
  for (const d of dropped.filter((d) => d.start < first.start).sort((a, b) => a.start - b.start)) {
    before += fullArticle.slice(at, d.start);
    at = Math.max(at, Math.min(d.end, first.start));
  }
  before += fullArticle.slice(at, first.start);

  const referencesAt = all.findIndex((h) => h.level === 2 && /^references$/i.test(h.title));
  const referencesHeading = all[referencesAt];
  const references = referencesHeading
    ? fullArticle.slice(referencesHeading.start, sectionEnd(all, referencesAt, fullArticle.length))
    : "";

  return weeks.map((w, k) => {
    const aired = weeks
      .slice(0, k + 1)
      .map((s) => fullArticle.slice(s.start, s.end))
      .join("");
    const body = `${before}${aired}`;
    return { week: w.week, content: references ? `${body.replace(/\n*$/, "\n\n")}${references}` : body };
  });
}
