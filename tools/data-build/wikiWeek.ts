/** One week of the season file from the page's week: its judges, tables, results, bonuses and notes. */
import type { CoupleResolver } from "./couples.js";
import { compact, isoDate, type WeekInput } from "./model.js";
import { statedDanceOffBonus, statedWeekBonus } from "./wikiBonus.js";
import { parseCoupleCell } from "./wikiCells.js";
import type { WikiSeasonContext } from "./wikiContext.js";
import { type DanceOffRow, danceOffPerformances, danceOffRow } from "./wikiDanceOffs.js";
import {
  addRankedPerformances,
  type RankedRow,
  rankingPoints,
  readScores,
  scoredPerformances,
  TableDances,
  tableShape,
  type WeekReading,
} from "./wikiDances.js";
import { pageColumns, weekJudges } from "./wikiJudges.js";
import type { WikiTable, WikiWeek } from "./wikipedia.js";
import { judgesSaveVotes, recordImmunityInParagraphs, WeekResults } from "./wikiResults.js";
import { columnsOf, type RowRef, readRows } from "./wikiTable.js";

/** Weeks shown on the page that are not part of the competition proper. */
const SPECIAL_WEEKS: Record<string, string> = {
  "1/7": "Rematch special",
};

export interface BuiltWeek {
  week: WeekInput;
  /** The week's MCM column names, before fitting them to the MCM width. */
  columns: string[];
}

export function buildWeek(
  ctx: WikiSeasonContext,
  wk: WikiWeek,
  resolver: CoupleResolver,
  regularJudges: string[],
  diagnostics: string[],
): BuiltWeek {
  const { people, season } = ctx;
  const context = wk.paragraphs.join(" ");
  const resolveRef = coupleRefReader(ctx, wk, resolver, context, diagnostics);
  const judges = weekJudges(wk, people);
  const columns = pageColumns(wk, people);
  const scoredTables = wk.tables.filter((t) => t.headers.some((h) => /score/i.test(h)));
  const w: WeekReading = {
    season,
    week: wk.week,
    people,
    context,
    judges,
    resolveRef,
    results: new WeekResults(),
    performances: [],
    diagnostics,
    scoredTables,
    firstScoredTable: wk.tables.indexOf(scoredTables[0] as WikiTable),
    danceOffBonus: statedDanceOffBonus(context),
    mentionsRedemption: /redemption/i.test(context),
    publicFourth: /public[^.]*score[^.]*\.[^.]*listed (fourth|last)|score from the public vote is listed/i.test(
      context,
    ),
  };
  wk.tables.forEach((table, tIndex) => readTable(w, table, tIndex));

  recordImmunityInParagraphs(context, resolver, w.results);
  const bonus = statedWeekBonus(season, wk.week, context, w.results.immune());
  const judgesSave = judgesSaveVotes(wk, judges, people, resolver, context);
  w.results.applySave(judgesSave);

  const label = SPECIAL_WEEKS[`${season}/${wk.week}`];
  const guestJudges = judges.filter((j) => !regularJudges.includes(j));
  const notes = wk.paragraphs.filter((p) => !/^Couples are listed in the order they performed\.?$/i.test(p));
  const results = w.results.list();
  const week: WeekInput = compact({
    week: wk.week,
    label,
    // Special weeks are outside the episode table: their date is the first one the paragraphs give.
    airDate: label ? isoDate(/[A-Z][a-z]+ \d{1,2}, \d{4}/.exec(context)?.[0]) : null,
    theme: wk.theme,
    judges,
    guestJudges: guestJudges.length ? guestJudges : undefined,
    performances: w.performances,
    bonus: bonus.length ? bonus : undefined,
    results: results.length ? results : undefined,
    judgesSave: judgesSave.length ? judgesSave : undefined,
    notes: notes.length ? notes : undefined,
  });
  return { week, columns };
}

/** Reads a couple cell into cast couples, noting partners who danced in for the couple's pro. */
function coupleRefReader(
  ctx: WikiSeasonContext,
  wk: WikiWeek,
  resolver: CoupleResolver,
  context: string,
  diagnostics: string[],
): (text: string) => RowRef | null {
  const { people, season } = ctx;
  const proOf = new Map(ctx.page.cast.map((c) => [people.get(c.celebrity), people.get(c.pro)]));
  return (text) => {
    const { pairs, labels } = parseCoupleCell(text);
    const couples: string[] = [];
    const standIns: RowRef["standIns"] = [];
    for (const [a, b] of pairs) {
      const r = resolver.resolve(a, b, context);
      if (!r) {
        diagnostics.push(`S${season} W${wk.week}: cannot resolve "${a} & ${b}"`);
        continue;
      }
      if (!couples.includes(r.couple)) couples.push(r.couple);
      if (r.standIn) standIns.push({ couple: r.couple, by: people.get(r.standIn), for: proOf.get(r.couple) ?? "" });
    }
    return couples.length ? { couples, standIns, labels } : null;
  };
}

/** One table into the week: its scored dances first, then its ranked dances, then its dance-offs. */
function readTable(w: WeekReading, table: WikiTable, tIndex: number): void {
  const col = columnsOf(table.headers);
  if (col.couple < 0) return;
  const shape = tableShape(w, table, tIndex, col);
  const dances = new TableDances();
  const ranked = new Map<string, RankedRow[]>();
  const danceOffRows: DanceOffRow[] = [];
  for (const r of readRows(table.rows, col, w.resolveRef)) {
    if (shape.isDanceOffTable) {
      danceOffRows.push(danceOffRow(r));
      continue;
    }
    const scores = readScores(r, col);
    const points = rankingPoints(r, scores);
    if (points) {
      const key = `${r.dance.style}|${r.musicText}`;
      ranked.set(key, [...(ranked.get(key) ?? []), points]);
      continue;
    }
    for (const c of r.ref.couples) w.results.record(c, r.result.outcome, r.result.note);
    for (const perf of scoredPerformances(w, shape, r, scores)) dances.add(perf);
  }
  w.performances.push(...dances.finish(w, shape));
  addRankedPerformances(w, ranked, col.defaultArtist, shape.nightNote);
  w.performances.push(
    ...danceOffPerformances(danceOffRows, {
      context: w.context,
      defaultArtist: col.defaultArtist,
      bonus: w.danceOffBonus,
      results: w.results,
    }),
  );
}
