/**
 * What an article revision changes in the season as recorded, and whether it looks safe to apply.
 *
 * `mergeArticle` is pure: the recorded season document in, the document the article describes out. It only moves
 * forward from what the article states: new weeks, themes and air dates of weeks still to come, announced dances,
 * the scores of a night, results and the finale's placements. A week whose dances already say the same keeps its
 * editorial notes; nothing the article does not mention is removed.
 *
 * `holdReasons` names what must never be applied without an owner looking (vandalism, a mistake): an aired score
 * removed or changed by a lot, a mark outside the show's range, a total that does not add up, a couple who vanishes.
 */
import type { SeasonFile, SeasonFilePerformance, SeasonFileWeek } from "../data/seasonFile.js";
import { canonicalName, nameKey } from "../text/people.js";
import type { Article, ArticleWeek } from "./article.js";

/** A judge's mark: 1 to 10, in halves at most. */
const isMark = (v: number) => v >= 1 && v <= 10 && Number.isInteger(v * 2);
/** A mark that moves by more than this between revisions is held: a correction is a point or two, not a rewrite. */
const largeMarkChange = 2;

const PLACE_NAMES = ["", "Winner", "Runner-up", "Third place", "Fourth place", "Fifth place", "Sixth place"];

/** What the article makes of the season: the recorded document with the article's news in it. */
export function mergeArticle(current: SeasonFile, article: Article): SeasonFile {
  const weeks = current.weeks.map((w) => ({ ...w }));
  const couples = current.couples.map((c) => ({ ...c }));
  for (const a of article.weeks) {
    let at = weeks.findIndex((w) => w.week === a.week && !w.label);
    if (at < 0) {
      weeks.push(newWeek(a));
      weeks.sort((x, y) => x.week - y.week || (x.label ? 1 : 0) - (y.label ? 1 : 0));
      at = weeks.findIndex((w) => w.week === a.week && !w.label);
    }
    const week = weeks[at] as SeasonFileWeek;
    weeks[at] = mergeWeek(week, a, current.judges);
  }
  const aired = new Set(weeks.filter((w) => !w.status && w.performances.length > 0).map((w) => w.week));
  for (const a of article.weeks) applyResults(couples, a);
  // A week that aired with nobody leaving, once the next week has aired too (or its results say everyone is safe).
  for (const [i, w] of weeks.entries()) {
    if (w.status || w.isFinale || w.noElimination || w.label || !aired.has(w.week)) continue;
    const left = (w.results ?? []).some((r) => r.outcome === "eliminated" || r.outcome === "withdrew");
    const stated = article.weeks.find((a) => a.week === w.week)?.resultsStated ?? false;
    if (!left && (stated || aired.has(w.week + 1))) weeks[i] = { ...w, noElimination: true };
  }
  return { ...current, weeks, couples };
}

function newWeek(a: ArticleWeek): SeasonFileWeek {
  return { week: a.week, status: "scheduled", airDate: a.airDate, theme: a.theme, judges: [], performances: [] };
}

function mergeWeek(week: SeasonFileWeek, a: ArticleWeek, panel: readonly string[]): SeasonFileWeek {
  let next: SeasonFileWeek = { ...week };
  const toCome = week.status !== undefined;
  // Once a night has aired its theme and date are settled; before, the article's are the news.
  if (a.theme && (toCome || !week.theme) && a.theme !== week.theme) next.theme = a.theme;
  if (a.airDate && (toCome || !week.airDate) && a.airDate !== week.airDate) next.airDate = a.airDate;
  const scored = a.performances.filter((p) => p.status !== "announced");
  const dances = a.performances as SeasonFilePerformance[];
  if (scored.length > 0 && scored.some((p) => p.scores)) {
    if (!sameDances(week.performances, dances) || toCome) {
      next = { ...next, performances: keepNotes(week.performances, dances), judges: a.judges };
      const guests = a.judges.filter((j) => !panel.includes(j));
      if (guests.length > 0) next.guestJudges = guests;
      else delete next.guestJudges;
      if (a.bonus.length > 0) next.bonus = a.bonus;
    }
    delete next.status;
  } else if (a.performances.length > 0 && toCome && !sameDances(week.performances, dances)) {
    next = { ...next, status: "announced", performances: dances };
  }
  if (a.results.length > 0 && !sameResults(week.results ?? [], a.results)) next.results = a.results;
  if (a.placements.length > 0) next.isFinale = true;
  return next;
}

/** Eliminations and withdrawals set the couple's exit; the finale's placements set the finalists'. */
function applyResults(couples: SeasonFile["couples"], a: ArticleWeek): void {
  const leaving = a.results.filter((r) => r.outcome === "eliminated" || r.outcome === "withdrew");
  const fresh = leaving.filter((r) => {
    const c = couples.find((x) => x.celebrity === r.couple);
    return c && (c.exitWeek ?? null) === null && c.placement === null;
  });
  if (fresh.length > 0) {
    // Couples still dancing before this week's exits; a double elimination shares a placement (13 and 13 of 14).
    const remaining = couples.filter((c) => c.placement === null && (c.exitWeek ?? null) === null).length;
    for (const r of fresh) {
      const c = couples.find((x) => x.celebrity === r.couple);
      if (!c) continue;
      const withdrew = r.outcome === "withdrew";
      c.exitWeek = a.week;
      c.placement = remaining - fresh.length + 1;
      c.result = `${withdrew ? "Withdrew" : "Eliminated"} Week ${a.week}`;
      if (withdrew) c.withdrew = true;
    }
  }
  for (const p of a.placements) {
    const c = couples.find((x) => x.celebrity === p.couple);
    if (!c || (c.placement === p.placement && c.result === PLACE_NAMES[p.placement])) continue;
    c.placement = p.placement;
    c.result = PLACE_NAMES[p.placement] ?? `Place ${p.placement}`;
    c.exitWeek = null;
  }
}

/** A dance the article names again keeps the note it had ("Night 1 (Men)") when the article gives it none. */
function keepNotes(before: readonly SeasonFilePerformance[], after: SeasonFilePerformance[]): SeasonFilePerformance[] {
  const same = (p: SeasonFilePerformance) => JSON.stringify([p.round, p.couples, p.style, p.song]);
  return after.map((p) => {
    if (p.note !== undefined) return p;
    const note = before.find((q) => same(q) === same(p))?.note;
    return note === undefined ? p : { ...p, note };
  });
}

const substance = (p: SeasonFilePerformance) =>
  JSON.stringify([
    p.round,
    p.status ?? null,
    p.style,
    p.song,
    p.artist,
    p.couples,
    p.scores ?? null,
    p.bonus ?? null,
    p.team ?? null,
    p.winner ?? null,
  ]);

/** The same dances in the same order with the same marks (notes aside). */
function sameDances(a: readonly SeasonFilePerformance[], b: readonly SeasonFilePerformance[]): boolean {
  return a.length === b.length && a.every((p, i) => substance(p) === substance(b[i] as SeasonFilePerformance));
}

function sameResults(
  a: readonly { couple: string; outcome: string }[],
  b: readonly { couple: string; outcome: string }[],
) {
  const key = (r: { couple: string; outcome: string }) => `${r.couple}:${r.outcome}`;
  return a.map(key).sort().join() === b.map(key).sort().join();
}

/**
 * Why the change from `current` to `next` (read from `article`) must wait for an owner even in `auto`; empty when
 * nothing looks wrong. Each reason names the week and couple.
 */
export function holdReasons(current: SeasonFile, next: SeasonFile, article: Article): string[] {
  const reasons: string[] = [];
  for (const a of article.weeks) {
    for (const bad of a.badTotals) reasons.push(`Week ${a.week} · ${bad}: the total is not the sum of the marks.`);
  }
  for (const w of next.weeks) {
    for (const p of w.performances) {
      const marks = (p.scores ?? []).filter((v): v is number => v !== null);
      if (marks.some((v) => !isMark(v))) {
        reasons.push(`Week ${w.week} · ${p.couples.join(" & ")}: a mark outside the show's 1-10 (${marks.join("·")}).`);
      }
    }
  }
  for (const before of current.weeks) {
    if (before.status) continue;
    const after = next.weeks.find((w) => w.week === before.week && w.label === before.label);
    for (const p of before.performances) {
      if (!p.scores) continue;
      const match = after?.performances.find(
        (q) => q.round === p.round && q.couples.join() === p.couples.join() && q.style === p.style,
      );
      const who = `Week ${before.week} · ${p.couples.join(" & ")}`;
      if (!match?.scores) {
        reasons.push(`${who}: an aired score (${p.scores.join("·")}) would be removed.`);
        continue;
      }
      const moved = p.scores.some((v, i) => v !== null && Math.abs((match.scores?.[i] ?? 0) - v) > largeMarkChange);
      if (moved) reasons.push(`${who}: marks ${p.scores.join("·")} → ${match.scores.join("·")}, a large change.`);
    }
  }
  if (article.cast.length > 0) {
    const listed = new Set(article.cast.map(key));
    for (const c of current.couples) {
      if (!listed.has(key(c.celebrity))) reasons.push(`${c.celebrity} & ${c.pro} are missing from the article's cast.`);
    }
  }
  return reasons;
}

const key = (name: string) => nameKey(canonicalName(name));
