/**
 * Season 34 from the English Wikipedia article as wikitext (`wikipedia-2026/season_34.wikitext`).
 *
 * The wikitext is read with wtf_wikipedia, a maintained wikitext parser: it resolves links and templates to
 * text and spreads rowspan/colspan cells, so each weekly table comes back as rows keyed by column header.
 * This module only interprets those rows in the show's words (couples, dances, scores, bonus points).
 * Couples, dates, results and the MCM figures come from the compiled skeleton (compiled/season34.json);
 * the article replaces its weeks' judges and dances.
 */
import { type Article, readArticle } from "../../src/feed/article.js";
import type { CoupleInput, SeasonInput, WeekInput } from "./model.js";
import { compact } from "./model.js";
import { nameKey } from "./people.js";

export const WIKITEXT_34 = {
  name: 'English Wikipedia, "Dancing with the Stars (American TV series) season 34" (wikitext, mid-2026 revision)',
  url: "https://en.wikipedia.org/wiki/Dancing_with_the_Stars_(American_TV_series)_season_34",
  licence: "CC BY-SA 4.0",
};

/** The article's weeks: judges, dances and bonus points (src/feed/article.ts, the season feed's reader too). */
export type Season34Article = Article;

/** Reads the article: every week's judges, dances and bonus points, and the cast's notability. */
export function parseSeason34(text: string, couples: CoupleInput[]): Season34Article {
  return readArticle(text, { couples, judges: [] });
}

/** The skeleton season with the article's judges, dances and bonus points in every week it covers. */
export function withArticle(base: SeasonInput, article: Season34Article): SeasonInput {
  const regular = base.judges;
  const weeks: WeekInput[] = base.weeks.map((w) => {
    const a = article.weeks.find((x) => x.week === w.week);
    if (!a?.performances.length) return w;
    const danced = new Set(a.performances.filter((p) => p.scores).flatMap((p) => p.couples));
    const weeklyScores = w.weeklyScores?.filter((s) => !danced.has(s.couple));
    const guests = a.judges.filter((j) => !regular.includes(j));
    const notes = (w.notes ?? []).filter((n) => !/judge columns in the MCM figures|MCM partner strings/.test(n));
    return compact({
      ...w,
      theme: a.theme ?? w.theme,
      judges: a.judges,
      guestJudges: guests.length ? guests : undefined,
      performances: a.performances,
      weeklyScores: weeklyScores?.length ? weeklyScores : undefined,
      bonus: a.bonus.length ? a.bonus : undefined,
      notes: [...a.notes, ...notes],
    });
  });
  const couples = base.couples.map((c) => ({
    ...c,
    notability: article.notability.get(nameKey(c.celebrity)) ?? c.notability,
  }));
  return {
    ...base,
    couples,
    weeks,
    sources: [WIKITEXT_34, ...base.sources],
    notes: [
      "Weeks 1-11 dance by dance from the Wikipedia article (wikitext); couples, dates and results from the compiled file and MCM.",
      ...(base.notes ?? []),
    ],
  };
}
