/** Scored table rows into performances: the round, the notes, one performance per score set, trios and redemptions. */
import { compact, type PerformanceInput, type RoundType } from "./model.js";
import type { People } from "./people.js";
import { type DanceCell, parseMusicCell, parseScoreCell, type ScoreCell } from "./wikiCells.js";
import { alignScores } from "./wikiJudges.js";
import type { WikiTable } from "./wikipedia.js";
import type { WeekResults } from "./wikiResults.js";
import { type Columns, type DanceRow, type Extra, faceOffMusic, type RowRef } from "./wikiTable.js";

/** What reading a week's tables needs and fills in. */
export interface WeekReading {
  season: number;
  week: number;
  people: People;
  /** The week's paragraphs joined: the text searched for dance-offs, nights, redemptions and stand-ins. */
  context: string;
  judges: string[];
  resolveRef: (text: string) => RowRef | null;
  results: WeekResults;
  performances: PerformanceInput[];
  diagnostics: string[];
  scoredTables: WikiTable[];
  /** Where the first scored table sits among the week's tables (-1: none). */
  firstScoredTable: number;
  danceOffBonus: number | null;
  mentionsRedemption: boolean;
  /** The paragraphs say the public's score is listed after the judges' (S30 "America's Score"). */
  publicFourth: boolean;
}

/** What one table is, as far as the rounds of its rows go. */
export interface TableShape {
  table: WikiTable;
  index: number;
  col: Columns;
  /** "Night 2" when the week's scored tables are its nights. */
  nightNote: string | null;
  /** No score column: the table lists dance-offs. */
  isDanceOffTable: boolean;
  /** A small scored table after the main one, in a week with a dance-off, whose couples include an eliminated one. */
  scoredDanceOff: boolean;
  faceOffMusic: Set<string>;
}

export interface RowScores {
  cells: ScoreCell[];
  first: ScoreCell;
  /** A bare total above 10 with no per-judge split. */
  totalOnly: number | undefined;
}

/** One couple's ranking points for a relay, marathon or team ranking. */
export interface RankedRow {
  couple: string;
  points: number;
  style: string | null;
  music: string;
  markers: string[];
  team: string | null;
}

export function tableShape(w: WeekReading, table: WikiTable, index: number, col: Columns): TableShape {
  const severalNights = /\bnights?\b|performance shows|consecutive/i.test(w.context);
  const night = w.scoredTables.indexOf(table);
  const isDanceOffTable = col.scores.length === 0;
  return {
    table,
    index,
    col,
    nightNote: severalNights && w.scoredTables.length > 1 && night >= 0 ? `Night ${night + 1}` : null,
    isDanceOffTable,
    scoredDanceOff:
      index > 0 &&
      !isDanceOffTable &&
      /dance-off|dance off/i.test(w.context) &&
      table.rows.length <= 3 &&
      table.rows.some((r) => /eliminated/i.test(r[col.result]?.text ?? "")),
    faceOffMusic: faceOffMusic(table.rows, col),
  };
}

export function readScores(r: DanceRow, col: Columns): RowScores {
  const cells = col.scores.map((i) => parseScoreCell(r.row[i]?.text ?? ""));
  const first: ScoreCell = cells[0] ?? { kind: "none" };
  // Relay and marathon points can run past 10; anywhere else a bare number that high is a total.
  const ranking = r.dance.markers.includes("relay") || r.dance.markers.includes("marathon");
  const totalOnly = first.kind === "points" && first.points > 10 && !ranking ? first.points : undefined;
  return { cells, first, totalOnly };
}

/** A one-couple row scored in bare points (not a total) is a ranking, not judges' scores. */
export function rankingPoints(r: DanceRow, s: RowScores): RankedRow | null {
  if (s.first.kind !== "points" || s.totalOnly !== undefined || r.ref.couples.length !== 1) return null;
  return {
    couple: r.ref.couples[0] ?? "",
    points: s.first.points,
    style: r.dance.style,
    music: r.musicText,
    markers: r.dance.markers,
    team: r.dance.team,
  };
}

function roundOf(dance: DanceCell, multi: boolean, dancedOff: boolean): RoundType {
  let round: RoundType = "regular";
  if (multi) round = dance.markers.includes("group") ? "group" : "team";
  else if (dance.markers.includes("relay")) round = "relay";
  else if (dance.markers.includes("marathon")) round = "marathon";
  else if (/freestyle/i.test(dance.style ?? "")) round = "freestyle";
  if (!multi && dancedOff) round = "dance-off";
  return round;
}

const trioExtra = (extras: Extra[]) => extras.find((e) => /trio/i.test(e.name));
const guestJudgeExtra = (extras: Extra[]) => extras.find((e) => /guest judge/i.test(e.name));

/** Notes every score set of the row shares: night, extra columns, side-by-side dances, labels, withdrawals. */
function performanceNotes(r: DanceRow, nightNote: string | null, people: People): string[] {
  const notes: string[] = [];
  if (nightNote) notes.push(nightNote);
  // The guest judge's name goes on the extra scores and a trio partner on the trio, not into the notes.
  const guest = guestJudgeExtra(r.extras);
  for (const e of r.extras) {
    if (e === guest) continue;
    if (/trio/i.test(e.name)) continue;
    if (/^judge$/i.test(e.name)) notes.push(`Coached by ${people.get(e.value)}`);
    else notes.push(`${e.name}: ${e.value}`);
  }
  const { ref, dance } = r;
  if (
    ref.couples.length === 2 &&
    !r.extras.length &&
    !dance.team &&
    !dance.markers.includes("team") &&
    !dance.markers.includes("group")
  )
    notes.push("Side-by-side dance of two couples, one set of scores");
  if (ref.labels.length) notes.push(ref.labels.join("; "));
  if (r.result.note && /withdr|rehearsal|footage/i.test(r.result.note)) notes.push(r.result.note);
  return notes;
}

/** One performance per set of scores in the row (two sets: technical and performance scores of one dance). */
export function scoredPerformances(w: WeekReading, t: TableShape, r: DanceRow, s: RowScores): PerformanceInput[] {
  const { people } = w;
  const multi = r.ref.couples.length > 1;
  const round = roundOf(r.dance, multi, t.faceOffMusic.has(r.musicText) || t.scoredDanceOff);
  const notes = performanceNotes(r, t.nightNote, people);
  const trio = trioExtra(r.extras);
  const guest = guestJudgeExtra(r.extras);
  const scored = s.cells.filter((c) => c.kind === "scores");
  const scoreSets = scored.length ? scored : [undefined];
  return scoreSets.map((sc, setIndex) => {
    const aligned =
      sc && sc.kind === "scores" ? alignScores(sc.scores, t.table.judges, w.judges, people, w.publicFourth) : null;
    if (sc && !aligned)
      w.diagnostics.push(`S${w.season} W${w.week}: ${sc.scores.length} scores for judges ${t.table.judges.join(", ")}`);
    const setNotes = [...notes];
    if (scored.length > 1)
      setNotes.push(setIndex === 0 ? "Technical score" : "Performance score (same dance, second set of scores)");
    if (guest && aligned) {
      aligned.extra.forEach((x) => {
        x.by = people.get(guest.value);
      });
    }
    const noScoresCell = r.row[t.col.scores[0] ?? -1]?.text ?? "";
    if (!sc && s.cells.some((c) => c.kind === "none") && /no scores/i.test(noScoresCell))
      setNotes.push("No scores received");
    const perf: PerformanceInput = compact({
      round,
      style: r.dance.style,
      song: r.music.song,
      artist: r.music.artist,
      couples: r.ref.couples,
      team: r.dance.team ?? undefined,
      standIns: r.ref.standIns.length ? r.ref.standIns : undefined,
      total: s.totalOnly,
      scores: aligned?.scores,
      extraScores: aligned?.extra.length ? aligned.extra : undefined,
      note: setNotes.length ? setNotes.join("; ") : undefined,
    });
    // Which of the couple's dances is the trio is only known once the whole table is read.
    if (trio && !multi) (perf as { trioPartner?: string }).trioPartner = people.get(trio.value);
    return perf;
  });
}

/** A table's scored performances in row order, numbering each couple's rows (by its first couple). */
export class TableDances {
  private readonly rowsByCouple = new Map<string, number>();
  private readonly list: { perf: PerformanceInput; first: string; index: number }[] = [];

  add(perf: PerformanceInput): void {
    const first = perf.couples[0] ?? "";
    this.rowsByCouple.set(first, (this.rowsByCouple.get(first) ?? 0) + 1);
    this.list.push({ perf, first, index: this.rowsByCouple.get(first) ?? 1 });
  }

  /** Trio weeks: the couple's last dance in the table is the trio; redemption weeks: the first non-freestyle one. */
  finish(w: WeekReading, t: TableShape): PerformanceInput[] {
    const firstScoredTable = t.index === w.firstScoredTable;
    return this.list.map((tp) => {
      const p = tp.perf as PerformanceInput & { trioPartner?: string };
      if (p.trioPartner) {
        const count = this.rowsByCouple.get(tp.first) ?? 1;
        if (tp.index === count) {
          p.round = "trio";
          p.note = [`Trio with ${p.trioPartner}`, p.note].filter(Boolean).join("; ");
        }
        delete p.trioPartner;
      }
      if (w.mentionsRedemption && firstScoredTable && tp.index === 1 && p.round === "regular" && p.couples.length === 1)
        p.round = "redemption";
      return p;
    });
  }
}

function reasonFor(markers: string[]): string {
  if (markers.includes("relay")) return "Relay ranking points";
  if (markers.includes("marathon")) return "Marathon ranking points";
  if (markers.includes("team")) return "Team dance bonus";
  return "Ranking points";
}

/**
 * Ranked rows (relays, marathons, team bonuses), grouped by dance and music: one performance per dance,
 * points as bonus. Points for a team dance already in the week go onto that dance instead.
 */
export function addRankedPerformances(
  w: WeekReading,
  ranked: Map<string, RankedRow[]>,
  defaultArtist: string | null,
  nightNote: string | null,
): void {
  for (const list of ranked.values()) {
    const head = list[0];
    if (!head) continue;
    const music = parseMusicCell(head.music, defaultArtist);
    const bonus = list.map((x) => ({ couple: x.couple, points: x.points, reason: reasonFor(head.markers) }));
    const existing = w.performances.find(
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
    w.performances.push(
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
}
