/**
 * Builds a season file (seasons 1-31) from the parsed Wikipedia page, the MCM rows and the episode table.
 * Per-dance facts come from Wikipedia; placements, celebrity facts and the weekly numbers of weeks
 * without per-dance scores (S31 weeks 7+) come from MCM; air dates and fallback themes from the episode table.
 */
import type { SeasonFileWeek } from "../data/seasonFile.js";
import { type CastCouple, CoupleResolver, type ProDirectory } from "./couples.js";
import { assignEpisodes, type Episode } from "./episodes.js";
import { type McmRow, mcmExitWeek, mcmHometown, mcmWeekly, mcmWeeksOfSeason } from "./mcm.js";
import {
  type BonusInput,
  type CoupleInput,
  compact,
  FORMAT,
  isoDate,
  type PerformanceInput,
  type ResultInput,
  type RoundType,
  resultText,
  type SeasonInput,
  type SourceInput,
  type WeekInput,
  type WeeklyScoreInput,
} from "./model.js";
import { nameKey, type People } from "./people.js";
import { rebuildCoupleWeek } from "./reconcile.js";
import {
  numberWord,
  parseCoupleCell,
  parseDanceCell,
  parseMusicCell,
  parseResultCell,
  parseScoreCell,
  type ScoreCell,
  type WeeklyOutcome,
} from "./wikiCells.js";
import type { WikiPage, WikiTable, WikiWeek } from "./wikipedia.js";

export interface WikiSeasonContext {
  season: number;
  page: WikiPage;
  mcm: McmRow[];
  episodes: Episode[] | null;
  people: People;
  pros: ProDirectory;
  wikipedia: { url: string; revision: number | null; fetched: string | null } | null;
}

/** MCM's positional judge columns for one week, named by the page's order ("Guest judge", "America's Score" kept). */
export interface McmColumns {
  week: number;
  label?: string;
  columns: string[];
}

export interface WikiSeasonResult {
  file: SeasonInput;
  columns: McmColumns[];
  diagnostics: string[];
}

/** Pseudo-judges: score columns that are not one person on the panel. */
const PSEUDO_JUDGES: Record<string, "guest judge" | "viewers"> = {
  "guest judge": "guest judge",
  "america s score": "viewers",
};

/**
 * Bonus points the week paragraphs state in words that the tables do not show.
 * (Dance-off bonuses and the immunity bonuses written as "a three-point bonus" are read from the paragraphs.)
 */
const STATED_BONUS: { season: number; week: number; couple: string; points: number; reason: string }[] = [
  { season: 30, week: 4, couple: "Jimmie Allen", points: 2, reason: "Won the Mickey Dance Challenge" },
];

/** Weeks shown on the page that are not part of the competition proper. */
const SPECIAL_WEEKS: Record<string, string> = {
  "1/7": "Rematch special",
};

export function wikiToSeason(ctx: WikiSeasonContext): WikiSeasonResult {
  const { season, page, people } = ctx;
  const diagnostics: string[] = [];
  const regularJudges = page.judges.map((j) => people.get(j));
  const cast: CastCouple[] = page.cast.map((c) => ({ celebrity: people.get(c.celebrity), pro: people.get(c.pro) }));
  const resolver = new CoupleResolver(cast, ctx.pros, season);
  const mcmByKey = new Map(ctx.mcm.map((r) => [nameKey(r.celebrity), r]));
  const mcmOf = (celebrity: string) => mcmByKey.get(nameKey(celebrity)) ?? fuzzyMcm(ctx.mcm, celebrity);
  for (const c of cast) if (!mcmOf(c.celebrity)) diagnostics.push(`S${season}: no MCM row for ${c.celebrity}`);

  const weeks: WeekInput[] = [];
  const columns: McmColumns[] = [];
  const outcomesByCouple = new Map<string, { week: number; outcome: string }[]>();

  for (const wk of page.weeks) {
    const built = buildWeek(ctx, wk, resolver, regularJudges, diagnostics);
    weeks.push(built.week);
    let cols = built.columns;
    const width = Math.max(0, ...ctx.mcm.map((r) => mcmWeekly(r, wk.week)?.length ?? 0));
    if (width && cols.length > width) cols = cols.filter((c) => regularJudges.includes(c));
    columns.push(compact({ week: wk.week, label: built.week.label, columns: cols }));
    if (!built.week.label)
      for (const r of built.week.results ?? [])
        outcomesByCouple.set(r.couple, [
          ...(outcomesByCouple.get(r.couple) ?? []),
          { week: wk.week, outcome: r.outcome },
        ]);
  }

  deriveBonusFromMcm(weeks, columns, cast, mcmOf);

  // Weeks MCM scores that the page does not (season 31 weeks 8 and on), as weekly figures only.
  const mcmWeeks = mcmWeeksOfSeason(ctx.mcm);
  const defaultColumns = page.weeks.find((w) => !w.judgesOverridden)?.judges ?? page.judges;
  for (const w of mcmWeeks) {
    if (weeks.some((x) => x.week === w && !x.label)) continue;
    const width = Math.max(...ctx.mcm.map((r) => mcmWeekly(r, w)?.length ?? 0));
    const judges = width === defaultColumns.length ? defaultColumns.map((j) => people.get(j)) : [];
    const notes = ["Known only from the MCM weekly figures: no per-dance record in the sources."];
    if (!judges.length)
      notes.push(`${width} judge columns in the MCM figures; the judges' names are not in the sources.`);
    weeks.push({ week: w, airDate: null, theme: null, judges, performances: [], notes });
    columns.push({ week: w, columns: judges.length ? judges : [] });
  }
  weeks.sort((a, b) => a.week - b.week || (a.label ? 1 : 0) - (b.label ? 1 : 0));

  // Weekly figures for couple-weeks with no scored dance in the file.
  for (const week of weeks) {
    if (week.label) continue;
    const scored = new Set(
      week.performances.filter((p) => p.scores && countsInAverage(p.round)).flatMap((p) => p.couples),
    );
    const weekly: WeeklyScoreInput[] = [];
    for (const c of cast) {
      const row = mcmOf(c.celebrity);
      const values = row ? mcmWeekly(row, week.week) : null;
      if (!values || scored.has(c.celebrity)) continue;
      const danced = week.performances.filter(
        (p) => countsInAverage(p.round) && p.couples.includes(c.celebrity),
      ).length;
      weekly.push(compact({ couple: c.celebrity, scores: values, dances: danced || undefined }));
    }
    if (weekly.length) week.weeklyScores = weekly;
  }

  // Results from MCM for weeks the page does not cover.
  for (const c of cast) {
    const row = mcmOf(c.celebrity);
    const exit = row ? mcmExitWeek(row.result) : null;
    if (exit === null) continue;
    const week = weeks.find((w) => w.week === exit && !w.label);
    if (week && !(week.results ?? []).some((r) => r.couple === c.celebrity && r.outcome === "eliminated")) {
      if (!page.weeks.some((w) => w.week === exit))
        week.results = [...(week.results ?? []), { couple: c.celebrity, outcome: "eliminated" }];
    }
  }

  // Finale, no-elimination weeks.
  const competition = weeks.filter((w) => !w.label);
  const finale = competition[competition.length - 1];
  if (finale) finale.isFinale = true;
  for (const w of competition) {
    if (w.isFinale) continue;
    const eliminated = (w.results ?? []).some((r) => r.outcome === "eliminated");
    if (!eliminated && (w.performances.length > 0 || w.weeklyScores)) {
      if (page.weeks.some((p) => p.week === w.week) || !ctx.mcm.some((r) => mcmExitWeek(r.result) === w.week))
        w.noElimination = true;
    }
  }

  // Air dates and fallback themes from the episode table.
  if (ctx.episodes) {
    const byWeek = assignEpisodes(
      season,
      ctx.episodes,
      competition.map((w) => ({ week: w.week, theme: w.theme })),
    );
    for (const w of competition) {
      const eps = byWeek.get(w.week) ?? [];
      w.airDate = eps[0]?.airDate ?? null;
      const nights = eps.filter((e) => !/result/i.test(e.title));
      if (nights.length > 1)
        w.notes = [
          `Several nights: ${nights.map((e) => `${e.airDate ?? "?"}${e.title ? ` (${e.title})` : ""}`).join(", ")}`,
          ...(w.notes ?? []),
        ];
      if (!w.theme) {
        const title = eps[0]?.title ?? "";
        if (title && !/^(episode|result|week\s+\d+$|performance show)/i.test(title)) w.theme = title;
      }
    }
  }

  const couples = buildCouples(ctx, cast, mcmOf, outcomesByCouple, finale?.week ?? null);
  const sources: SourceInput[] = [];
  if (ctx.wikipedia)
    sources.push({
      name: `Wikipedia: Dancing with the Stars (American season ${season})${ctx.wikipedia.revision ? `, revision ${ctx.wikipedia.revision}` : ""}`,
      url: ctx.wikipedia.url,
      licence: "CC BY-SA 4.0",
    });
  sources.push({ name: "2026 MCM Problem C data (placements, celebrity facts, weekly per-judge figures)" });
  if (ctx.episodes) sources.push({ name: "Wikipedia episode table (titles and air dates)", licence: "CC BY-SA 4.0" });

  const notes: string[] = [];
  if (season === 31)
    notes.push(
      "The saved Wikipedia page (2022-10-31) covers weeks 1-7 (week 7 without scores); later weeks are known only from the MCM weekly figures.",
    );
  const file: SeasonInput = {
    format: FORMAT,
    franchise: "dwts-us",
    season,
    title: `Dancing with the Stars (US) season ${season}`,
    // The infobox can name the first results show (season 2: January 6) rather than the first night of dancing.
    premiere: earliestDate(page.premiere, competition[0]?.airDate),
    finale: page.finale ?? finale?.airDate ?? null,
    trophy: "Mirrorball Trophy",
    hosts: page.hosts.map((h) => people.get(h)),
    judges: regularJudges,
    couples,
    weeks,
    sources,
    notes: notes.length ? notes : undefined,
  };
  return { file, columns, diagnostics };
}

function buildCouples(
  ctx: WikiSeasonContext,
  cast: CastCouple[],
  mcmOf: (c: string) => McmRow | undefined,
  outcomes: Map<string, { week: number; outcome: string }[]>,
  finaleWeek: number | null,
): CoupleInput[] {
  const list = cast.map((c, i) => {
    const row = mcmOf(c.celebrity);
    const wikiStatus = ctx.page.cast[i]?.status ?? "";
    const withdrewAt =
      outcomes.get(c.celebrity)?.find((o) => o.outcome === "withdrew")?.week ??
      withdrawalInParagraphs(ctx.page, c.celebrity);
    const withdrew = /withdr/i.test(row?.result ?? "") || (/withdr/i.test(wikiStatus) && withdrewAt !== null);
    let exitWeek = row ? mcmExitWeek(row.result) : null;
    if (withdrew) exitWeek = withdrewAt ?? lastScoredWeek(row);
    if (exitWeek === null && !withdrew && !row) {
      exitWeek = outcomes.get(c.celebrity)?.find((o) => o.outcome === "eliminated")?.week ?? null;
    }
    if (exitWeek !== null && finaleWeek !== null && exitWeek >= finaleWeek) exitWeek = null;
    const placement = row?.placement ?? null;
    const finalist = exitWeek === null;
    return compact({
      celebrity: c.celebrity,
      pro: c.pro,
      notability: ctx.page.cast[i]?.notability ?? null,
      industry: row?.industry ?? null,
      age: row?.age ?? null,
      hometown: row ? mcmHometown(row) : null,
      placement,
      result: resultText({ placement, exitWeek, withdrew, finalist }),
      exitWeek,
      withdrew: withdrew || undefined,
    });
  });
  return list.sort((a, b) => (a.placement ?? 99) - (b.placement ?? 99) || a.celebrity.localeCompare(b.celebrity));
}

/**
 * Dance-off weeks where the page says the winners (or the immune couple) got extra points without saying how many:
 * the size is read from the MCM figures when MCM shows the same whole-number bonus for every judge column.
 */
function deriveBonusFromMcm(
  weeks: WeekInput[],
  columns: McmColumns[],
  cast: CastCouple[],
  mcmOf: (c: string) => McmRow | undefined,
): void {
  for (const week of weeks) {
    if (week.label) continue;
    const unsized = week.performances.filter(
      (p) => p.round === "dance-off" && p.winner && !p.bonus && /size not stated/.test(p.note ?? ""),
    );
    const hasDanceOff = week.performances.some((p) => p.round === "dance-off" && p.winner);
    if (!unsized.length && !hasDanceOff) continue;
    const cols = columns.find((c) => c.week === week.week && !c.label)?.columns ?? [];
    const immune = (week.results ?? []).filter((r) => r.outcome === "immune").map((r) => r.couple);
    const candidates = [
      ...unsized.map((p) => p.winner ?? ""),
      ...immune.filter((c) => !(week.bonus ?? []).some((b) => b.couple === c)),
    ];
    for (const couple of candidates) {
      if (!cast.some((c) => c.celebrity === couple)) continue;
      const row = mcmOf(couple);
      const mcm = row ? mcmWeekly(row, week.week) : null;
      const rebuilt = rebuildCoupleWeek(week as SeasonFileWeek, couple, cols);
      if (!mcm || !rebuilt || mcm.length !== cols.length) continue;
      const diffs = rebuilt.map((v, i) => (v === null ? Number.NaN : (mcm[i] ?? Number.NaN) - v));
      const d = diffs[0] ?? Number.NaN;
      if (!(d > 0.01) || diffs.some((x) => Math.abs(x - d) > 0.001)) continue;
      const dances = week.performances.filter(
        (p) => countsInAverage(p.round) && p.couples.includes(couple) && p.scores,
      ).length;
      const points = d * cols.length * dances;
      if (Math.abs(points - Math.round(points)) > 0.02) continue;
      const size = Math.round(points);
      const perf = unsized.find((p) => p.winner === couple);
      if (perf) {
        perf.bonus = [{ couple, points: size, reason: "Won the dance-off (size from the MCM weekly figures)" }];
        perf.note = (perf.note ?? "").replace(
          "Extra points for the winner; size not stated on the page",
          "Extra points for the winner; size from the MCM weekly figures",
        );
      } else {
        week.bonus = [
          ...(week.bonus ?? []),
          { couple, points: size, reason: "Immunity (size from the MCM weekly figures)" },
        ];
      }
    }
  }
}

/** The first week whose paragraphs say the celebrity withdrew ("... had to withdraw from the competition"). */
function withdrawalInParagraphs(page: WikiPage, celebrity: string): number | null {
  const key = nameKey(celebrity);
  for (const w of page.weeks)
    for (const p of w.paragraphs)
      for (const sentence of p.split(/(?<=\.)\s+/))
        if (/withdr/i.test(sentence) && nameKey(sentence).includes(key)) return w.week;
  return null;
}

function lastScoredWeek(row: McmRow | undefined): number | null {
  if (!row) return null;
  let last: number | null = null;
  for (const [w] of row.weeks) if (mcmWeekly(row, w)) last = w;
  return last;
}

function fuzzyMcm(rows: McmRow[], celebrity: string): McmRow | undefined {
  const parts = nameKey(celebrity).split(" ");
  const lastName = parts[parts.length - 1] ?? "";
  const hits = rows.filter((r) => nameKey(r.celebrity).split(" ").includes(lastName));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Rounds the MCM weekly figures average over. */
export function countsInAverage(round: RoundType): boolean {
  return !["relay", "marathon", "dance-off"].includes(round);
}

interface RowRef {
  couples: string[];
  standIns: { couple: string; by: string; for: string }[];
  labels: string[];
}

interface BuiltWeek {
  week: WeekInput;
  columns: string[];
}

function buildWeek(
  ctx: WikiSeasonContext,
  wk: WikiWeek,
  resolver: CoupleResolver,
  regularJudges: string[],
  diagnostics: string[],
): BuiltWeek {
  const { people, season } = ctx;
  const context = wk.paragraphs.join(" ");
  const label = SPECIAL_WEEKS[`${season}/${wk.week}`];
  const proOf = new Map(ctx.page.cast.map((c) => [people.get(c.celebrity), people.get(c.pro)]));

  // The week's judges: every real judge named for any of its tables, in page order.
  const judges: string[] = [];
  for (const t of wk.tables.length ? wk.tables : [{ judges: wk.judges } as WikiTable])
    for (const raw of t.judges) {
      const j = cleanJudge(raw);
      if (PSEUDO_JUDGES[nameKey(j)]) continue;
      const name = people.get(j);
      if (!judges.includes(name)) judges.push(name);
    }
  const longest = wk.tables.reduce<string[]>((a, t) => (t.judges.length > a.length ? t.judges : a), wk.judges);
  const pageColumns = longest.map((j) => {
    const c = cleanJudge(j);
    return PSEUDO_JUDGES[nameKey(c)] ? c : people.get(c);
  });

  const resolveRef = (text: string): RowRef | null => {
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

  const performances: PerformanceInput[] = [];
  const results = new Map<string, { outcome: WeeklyOutcome; note: string | null }>();
  const setResult = (couple: string, outcome: WeeklyOutcome | null, note: string | null) => {
    if (!outcome || outcome === "final" || outcome === "winner" || outcome === "loser") return;
    const prev = results.get(couple);
    if (!prev || RESULT_RANK[outcome] > RESULT_RANK[prev.outcome]) results.set(couple, { outcome, note });
  };
  const scoredTables = wk.tables.filter((t) => t.headers.some((h) => /score/i.test(h)));
  const bonusText = wk.paragraphs.join(" ");
  const danceOffBonus = statedDanceOffBonus(bonusText);
  const weekBonus: BonusInput[] = [];
  const mentionsRedemption = /redemption/i.test(bonusText);
  const publicFourth = /public[^.]*score[^.]*\.[^.]*listed (fourth|last)|score from the public vote is listed/i.test(
    bonusText,
  );

  wk.tables.forEach((table, tIndex) => {
    const col = columnsOf(table.headers);
    if (col.couple < 0) return;
    const severalNights = /\bnights?\b|performance shows|consecutive/i.test(context);
    const nightNote =
      severalNights && scoredTables.length > 1 && scoredTables.includes(table)
        ? `Night ${scoredTables.indexOf(table) + 1}`
        : null;
    const isDanceOffTable = col.scores.length === 0;
    // A small scored table after the main one, in a week with a dance-off, whose couples include an eliminated one.
    const scoredDanceOff =
      tIndex > 0 &&
      !isDanceOffTable &&
      /dance-off|dance off/i.test(context) &&
      table.rows.length <= 3 &&
      table.rows.some((r) => /eliminated/i.test(r[col.result]?.text ?? ""));
    // Face-offs: several couples dancing the same routine music at once, each scored (S6, S7, S8 finals).
    const musicCount = new Map<string, Set<string>>();
    for (const r of table.rows) {
      const couple = r[col.couple]?.text ?? "";
      const m = col.music >= 0 ? (r[col.music]?.text ?? "") : "";
      const sc = col.scores[0] !== undefined ? parseScoreCell(r[col.scores[0]]?.text ?? "") : null;
      if (!m || couple.includes("\n") || sc?.kind !== "scores") continue;
      musicCount.set(m, (musicCount.get(m) ?? new Set()).add(couple));
    }
    const faceOffMusic = new Set([...musicCount.entries()].filter(([, c]) => c.size >= 2).map(([m]) => m));
    const ranked = new Map<
      string,
      { couple: string; points: number; style: string | null; music: string; markers: string[]; team: string | null }[]
    >();
    const rowsByCouple = new Map<string, number>();
    const tablePerfs: { perf: PerformanceInput; first: string; index: number }[] = [];
    const danceOffRows: {
      ref: RowRef;
      style: string | null;
      musicText: string;
      outcome: WeeklyOutcome | null;
      note: string | null;
      extra: string[];
    }[] = [];
    const seenOrigins = new Set<string>();

    table.rows.forEach((row) => {
      const coupleCell = row[col.couple];
      if (!coupleCell || (coupleCell.header && /^couple/i.test(coupleCell.text))) return;
      // Rows that only repeat rowspanned cells from above (same origin for every cell) are skipped.
      const originKey = row.map((c) => `${c.origin.row}:${c.origin.col}`).join("|");
      if (seenOrigins.has(originKey)) return;
      seenOrigins.add(originKey);
      const ref = resolveRef(coupleCell.text);
      if (!ref) return;
      const danceCell = col.dance >= 0 ? (row[col.dance]?.text ?? "") : "";
      const dance = parseDanceCell(danceCell);
      const musicCellObj = col.music >= 0 ? row[col.music] : undefined;
      const musicText = musicCellObj?.text ?? "";
      const music = parseMusicCell(musicText, col.defaultArtist);
      const resultCell = col.result >= 0 ? row[col.result] : undefined;
      const sameAsMusic = resultCell && musicCellObj && resultCell.origin.col === musicCellObj.origin.col;
      const result = resultCell && !sameAsMusic ? parseResultCell(resultCell.text) : { outcome: null, note: null };
      const extras = col.extras
        .map((e) => ({
          name: e.name,
          value:
            row[e.index]?.text
              .replace(/\n/g, " ")
              .replace(/\s+&\s*/g, " & ")
              .trim() ?? "",
        }))
        .filter(
          (e) =>
            e.value && !(musicCellObj && row[col.extras.find((x) => x.name === e.name)?.index ?? -1] === musicCellObj),
        );

      if (isDanceOffTable) {
        danceOffRows.push({
          ref,
          style: dance.style,
          musicText,
          outcome: result.outcome,
          note: result.note,
          extra: extras.map((e) => `${e.name}: ${e.value}`),
        });
        return;
      }
      const scoreCells: ScoreCell[] = col.scores.map((i) => parseScoreCell(row[i]?.text ?? ""));
      const first = scoreCells[0] ?? { kind: "none" as const };
      const ranking = dance.markers.includes("relay") || dance.markers.includes("marathon");
      const totalOnly = first.kind === "points" && first.points > 10 && !ranking ? first.points : undefined;
      if (first.kind === "points" && totalOnly === undefined && ref.couples.length === 1) {
        const key = `${dance.style}|${musicText}`;
        const list = ranked.get(key) ?? [];
        list.push({
          couple: ref.couples[0] ?? "",
          points: first.points,
          style: dance.style,
          music: musicText,
          markers: dance.markers,
          team: dance.team,
        });
        ranked.set(key, list);
        return;
      }
      for (const c of ref.couples) setResult(c, result.outcome, result.note);

      const multi = ref.couples.length > 1;
      let round: RoundType = "regular";
      if (multi) round = dance.markers.includes("group") ? "group" : "team";
      else if (dance.markers.includes("relay")) round = "relay";
      else if (dance.markers.includes("marathon")) round = "marathon";
      else if (/freestyle/i.test(dance.style ?? "")) round = "freestyle";
      if (!multi && (faceOffMusic.has(musicText) || scoredDanceOff)) round = "dance-off";
      const notes: string[] = [];
      if (nightNote) notes.push(nightNote);
      const trio = extras.find((e) => /trio/i.test(e.name));
      const guest = extras.find((e) => /guest judge/i.test(e.name));
      for (const e of extras) {
        if (e === guest) continue;
        if (/trio/i.test(e.name)) continue;
        if (/^judge$/i.test(e.name)) notes.push(`Coached by ${people.get(e.value)}`);
        else notes.push(`${e.name}: ${e.value}`);
      }
      if (
        ref.couples.length === 2 &&
        !extras.length &&
        !dance.team &&
        !dance.markers.includes("team") &&
        !dance.markers.includes("group")
      )
        notes.push("Side-by-side dance of two couples, one set of scores");
      if (ref.labels.length) notes.push(ref.labels.join("; "));
      if (result.note && /withdr|rehearsal|footage/i.test(result.note)) notes.push(result.note);

      const scored = scoreCells.filter((s) => s.kind === "scores");
      const scoreSets = scored.length ? scored : [undefined];
      scoreSets.forEach((sc, setIndex) => {
        const aligned =
          sc && sc.kind === "scores" ? alignScores(sc.scores, table.judges, judges, people, publicFourth) : null;
        if (sc && !aligned)
          diagnostics.push(`S${season} W${wk.week}: ${sc.scores.length} scores for judges ${table.judges.join(", ")}`);
        const setNotes = [...notes];
        if (scored.length > 1)
          setNotes.push(setIndex === 0 ? "Technical score" : "Performance score (same dance, second set of scores)");
        if (guest && aligned) {
          aligned.extra.forEach((x) => {
            x.by = people.get(guest.value);
          });
        }
        if (!sc && scoreCells.some((s) => s.kind === "none") && /no scores/i.test(row[col.scores[0] ?? -1]?.text ?? ""))
          setNotes.push("No scores received");
        const perf: PerformanceInput = compact({
          round,
          style: dance.style,
          song: music.song,
          artist: music.artist,
          couples: ref.couples,
          team: dance.team ?? undefined,
          standIns: ref.standIns.length ? ref.standIns : undefined,
          total: totalOnly,
          scores: aligned?.scores,
          extraScores: aligned?.extra.length ? aligned.extra : undefined,
          note: setNotes.length ? setNotes.join("; ") : undefined,
        });
        if (trio && !multi) (perf as { trioPartner?: string }).trioPartner = people.get(trio.value);
        const firstCouple = ref.couples[0] ?? "";
        rowsByCouple.set(firstCouple, (rowsByCouple.get(firstCouple) ?? 0) + 1);
        tablePerfs.push({ perf, first: firstCouple, index: rowsByCouple.get(firstCouple) ?? 1 });
      });
    });

    // Trio weeks: the couple's last dance in the table is the trio; redemption weeks: the first non-freestyle one.
    for (const tp of tablePerfs) {
      const p = tp.perf as PerformanceInput & { trioPartner?: string };
      if (p.trioPartner) {
        const count = rowsByCouple.get(tp.first) ?? 1;
        if (tp.index === count) {
          p.round = "trio";
          p.note = [`Trio with ${p.trioPartner}`, p.note].filter(Boolean).join("; ");
        }
        delete p.trioPartner;
      }
      if (
        mentionsRedemption &&
        tIndex === wk.tables.indexOf(scoredTables[0] as WikiTable) &&
        tp.index === 1 &&
        p.round === "regular" &&
        p.couples.length === 1
      )
        p.round = "redemption";
      performances.push(p);
    }

    // Ranked rows (relays, marathons, team bonuses): one performance per dance, points as bonus.
    for (const list of ranked.values()) {
      const head = list[0];
      if (!head) continue;
      const music = parseMusicCell(head.music, col.defaultArtist);
      const bonus = list.map((x) => ({ couple: x.couple, points: x.points, reason: reasonFor(head.markers) }));
      const existing = performances.find(
        (p) => p.style === head.style && p.song === music.song && (p.round === "team" || p.round === "group"),
      );
      if (existing) {
        existing.bonus = [...(existing.bonus ?? []), ...bonus];
        for (const b of bonus) if (!existing.couples.includes(b.couple)) existing.couples.push(b.couple);
        continue;
      }
      const top = Math.max(...list.map((x) => x.points));
      const winners = list.filter((x) => x.points === top);
      const round: RoundType = head.markers.includes("relay") ? "relay" : "marathon";
      performances.push(
        compact({
          round,
          style: head.style,
          song: music.song,
          artist: music.artist,
          couples: list.map((x) => x.couple),
          bonus,
          winner: winners.length === 1 ? winners[0]?.couple : undefined,
          note: [nightNote, "Ranked by the judges: points added to the couples' totals"].filter(Boolean).join("; "),
        }),
      );
    }

    // Dance-off tables: consecutive rows with the same dance and music form one dance-off.
    const groups: (typeof danceOffRows)[] = [];
    const complementary = (a: WeeklyOutcome | null, b: WeeklyOutcome | null) =>
      (a === "winner" && b === "loser") ||
      (a === "loser" && b === "winner") ||
      (a === "safe" && b === "eliminated") ||
      (a === "eliminated" && b === "safe");
    for (const r of danceOffRows) {
      const last = groups[groups.length - 1];
      const head = last?.[0];
      const sameDance = head && head.style === r.style && head.musicText === r.musicText;
      const pairs = head && last?.length === 1 && r.ref.couples.length === 1 && complementary(head.outcome, r.outcome);
      if (last && head && (sameDance || pairs)) last.push(r);
      else groups.push([r]);
    }
    const finalOnly = /winners? (?:from|of) each (?:match|dance-off)[^.]*compet/i.test(context);
    groups.forEach((g, gIndex) => {
      const couples = [...new Set(g.flatMap((r) => r.ref.couples))];
      const winnerRow =
        g.find((r) => r.outcome === "winner") ??
        (g.some((r) => r.outcome === "eliminated") ? g.find((r) => r.outcome === "safe") : undefined);
      const winner = winnerRow?.ref.couples[0];
      const head = g[0];
      if (!head) return;
      const music = parseMusicCell(
        g
          .map((r) => r.musicText)
          .filter((m, i, a) => a.indexOf(m) === i)
          .join("\n"),
        col.defaultArtist,
      );
      for (const r of g) for (const c of r.ref.couples) setResult(c, r.outcome, r.note);
      const lastGroup = gIndex === groups.length - 1;
      const bonusPoints =
        winner && g.some((r) => r.outcome === "winner") && (!finalOnly || lastGroup) ? danceOffBonus : null;
      const notes = [...new Set(g.flatMap((r) => r.extra))];
      if (g.some((r) => r.outcome === "eliminated")) notes.push("Elimination dance-off");
      if (winner && g.some((r) => r.outcome === "winner") && bonusPoints === null && (!finalOnly || lastGroup))
        notes.push("Extra points for the winner; size not stated on the page");
      performances.push(
        compact({
          round: "dance-off" as const,
          style: head.style,
          song: music.song,
          artist: music.artist,
          couples,
          bonus:
            winner && bonusPoints ? [{ couple: winner, points: bonusPoints, reason: "Won the dance-off" }] : undefined,
          winner,
          note: notes.length ? notes.join("; ") : undefined,
        }),
      );
    });
  });

  // Immunity stated only in a paragraph ("Nev & Jenna were immune from the dance-off").
  for (const m of context.matchAll(/([A-Z][\p{L}.'-]*) (?:&|and) ([A-Z][\p{L}.'-]*) (?:were|was) immune/gu)) {
    const r = m[1] && m[2] ? resolver.resolve(m[1], m[2], context) : null;
    if (r) setResult(r.couple, "immune", null);
  }

  // Bonus points stated in the paragraphs for immunity, and the explicit list.
  const immune = [...results.entries()].filter(([, r]) => r.outcome === "immune").map(([c]) => c);
  const immunityPoints = statedImmunityBonus(bonusText);
  if (immunityPoints && immune.length === 1 && immune[0])
    weekBonus.push({ couple: immune[0], points: immunityPoints, reason: "Immunity from the dance-offs" });
  for (const b of STATED_BONUS)
    if (b.season === season && b.week === wk.week)
      weekBonus.push({ couple: b.couple, points: b.points, reason: b.reason });

  // Judges' save.
  const judgesSave = wk.saveVotes
    .map((v) => {
      const judge = judges.find((j) => nameKey(j).startsWith(nameKey(v.judge))) ?? people.get(v.judge);
      const [a, b] = v.couple.split(/\s+&\s+/);
      const r = a && b ? resolver.resolve(a, b, context) : null;
      return r ? { judge, saved: r.couple } : null;
    })
    .filter((v): v is { judge: string; saved: string } => v !== null);
  if (judgesSave.length) {
    const tally = new Map<string, number>();
    for (const v of judgesSave) tally.set(v.saved, (tally.get(v.saved) ?? 0) + 1);
    const [savedCouple] = [...tally.entries()].sort((x, y) => y[1] - x[1])[0] ?? [];
    if (savedCouple) results.set(savedCouple, { outcome: "saved", note: "Saved by the judges' vote" });
  }

  const resultList: ResultInput[] = [...results.entries()]
    .filter(([, r]) => r.outcome !== "safe")
    .map(([couple, r]) =>
      compact({
        couple,
        outcome: r.outcome as ResultInput["outcome"],
        note: r.note && !/^(safe)$/i.test(r.note) ? r.note : undefined,
      }),
    )
    .sort(
      (a, b) => RESULT_ORDER.indexOf(a.outcome) - RESULT_ORDER.indexOf(b.outcome) || a.couple.localeCompare(b.couple),
    );

  const guestJudges = judges.filter((j) => !regularJudges.includes(j));
  const notes = wk.paragraphs.filter((p) => !/^Couples are listed in the order they performed\.?$/i.test(p));
  const week: WeekInput = compact({
    week: wk.week,
    label,
    airDate: label ? isoDate(/[A-Z][a-z]+ \d{1,2}, \d{4}/.exec(context)?.[0]) : null,
    theme: wk.theme,
    judges,
    guestJudges: guestJudges.length ? guestJudges : undefined,
    performances,
    bonus: weekBonus.length ? weekBonus : undefined,
    results: resultList.length ? resultList : undefined,
    judgesSave: judgesSave.length ? judgesSave : undefined,
    notes: notes.length ? notes : undefined,
  });
  return { week, columns: pageColumns };
}

const RESULT_RANK: Record<WeeklyOutcome, number> = {
  safe: 0,
  final: 0,
  winner: 0,
  loser: 0,
  immune: 1,
  bottom: 2,
  saved: 3,
  eliminated: 4,
  withdrew: 5,
};
const RESULT_ORDER = ["eliminated", "withdrew", "saved", "bottom", "immune", "advanced"];

function reasonFor(markers: string[]): string {
  if (markers.includes("relay")) return "Relay ranking points";
  if (markers.includes("marathon")) return "Marathon ranking points";
  if (markers.includes("team")) return "Team dance bonus";
  return "Ranking points";
}

interface Columns {
  couple: number;
  scores: number[];
  dance: number;
  music: number;
  result: number;
  defaultArtist: string | null;
  extras: { name: string; index: number }[];
}

function columnsOf(headers: string[]): Columns {
  const find = (re: RegExp) => headers.findIndex((h) => re.test(h));
  const scores = headers.map((h, i) => (/score/i.test(h) ? i : -1)).filter((i) => i >= 0);
  const music = find(/music/i);
  const musicHeader = headers[music] ?? "";
  const by = /^music by (.+)$/i.exec(musicHeader) ?? /^music from (.+)$/i.exec(musicHeader);
  const named = /^(.+?) music$/i.exec(musicHeader);
  const defaultArtist =
    by?.[1] && !/^music from/i.test(musicHeader)
      ? by[1]
      : named?.[1] && !/^(classical|motown)$/i.test(named[1])
        ? named[1]
        : null;
  const base = new Set([find(/^couple/i), ...scores, find(/^dance/i), music, find(/^result/i)]);
  const extras = headers.map((name, index) => ({ name, index })).filter((e) => !base.has(e.index));
  return {
    couple: find(/^couple/i),
    scores,
    dance: find(/^dance/i),
    music,
    result: find(/^result/i),
    defaultArtist,
    extras,
  };
}

function cleanJudge(raw: string): string {
  return raw.replace(/\s*\([^)]*\)\s*$/, "").trim();
}

/**
 * Aligns a row's scores to the week's judges. The table's own judge order is used; pseudo-judges
 * ("Guest judge", "America's Score") become extra scores; a judge marked "(Night 1 only)" gets null when absent.
 */
export function alignScores(
  scores: (number | null)[],
  tableJudges: string[],
  weekJudges: string[],
  people: People,
  publicScoreLast = false,
): {
  scores: (number | null)[];
  extra: { by: string; kind: "guest judge" | "viewers"; score: number | null }[];
} | null {
  let order = tableJudges;
  if (publicScoreLast && scores.length === order.length + 1) order = [...order, "America's Score"];
  if (scores.length !== order.length) order = order.filter((j) => !/\(.*only\)/i.test(j));
  if (scores.length !== order.length) return null;
  const out: (number | null)[] = weekJudges.map(() => null);
  const extra: { by: string; kind: "guest judge" | "viewers"; score: number | null }[] = [];
  order.forEach((raw, i) => {
    const j = cleanJudge(raw);
    const pseudo = PSEUDO_JUDGES[nameKey(j)];
    const value = scores[i] ?? null;
    if (pseudo) extra.push({ by: j, kind: pseudo, score: value });
    else {
      const idx = weekJudges.indexOf(people.get(j));
      if (idx >= 0) out[idx] = value;
    }
  });
  return { scores: out, extra };
}

/** "added three bonus points", "The winner of each dance-off earned two points", "a dance-off for two extra points". */
export function statedDanceOffBonus(text: string): number | null {
  for (const sentence of text.split(/(?<=\.)\s+/)) {
    if (!/dance-off|dance off|winner|winning|faced off|compet/i.test(sentence)) continue;
    if (/immun/i.test(sentence)) continue;
    const m =
      /(?:added|earned|earn|awarded|for|received|receiving|won|additional|an additional)\s+(?:an additional\s+)?(\w+)\s+(?:bonus\s+|extra\s+)?points?/i.exec(
        sentence,
      ) ?? /(\w+)[- ]point bonus/i.exec(sentence);
    if (m?.[1]) {
      const n = numberWord(m[1]);
      if (n) return n;
    }
  }
  return null;
}

/** "received a three-point bonus" / "automatically received two bonus points" in a sentence about immunity. */
export function statedImmunityBonus(text: string): number | null {
  for (const sentence of text.split(/(?<=\.)\s+/)) {
    if (!/immun/i.test(sentence)) continue;
    const m = /(\w+)-point bonus/i.exec(sentence) ?? /received\s+(\w+)\s+(?:bonus|extra)\s+points?/i.exec(sentence);
    if (m?.[1]) {
      const n = numberWord(m[1]);
      if (n) return n;
    }
  }
  return null;
}

/** The earlier of two ISO dates, either of which may be unknown. */
function earliestDate(a: string | null | undefined, b: string | null | undefined): string | null {
  if (a && b) return a < b ? a : b;
  return a ?? b ?? null;
}
