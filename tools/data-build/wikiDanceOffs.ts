/** Dance-off tables: rows grouped into dance-offs, each with its winner, bonus points and the results it decides. */
import { compact, type PerformanceInput } from "./model.js";
import { parseMusicCell, type WeeklyOutcome } from "./wikiCells.js";
import type { WeekResults } from "./wikiResults.js";
import type { DanceRow, RowRef } from "./wikiTable.js";

export interface DanceOffRow {
  ref: RowRef;
  style: string | null;
  musicText: string;
  outcome: WeeklyOutcome | null;
  note: string | null;
  extra: string[];
}

export interface DanceOffWeek {
  /** The week's paragraphs joined. */
  context: string;
  defaultArtist: string | null;
  /** Points for winning a dance-off, when the paragraphs state them. */
  bonus: number | null;
  results: WeekResults;
}

export function danceOffRow(r: DanceRow): DanceOffRow {
  return {
    ref: r.ref,
    style: r.dance.style,
    musicText: r.musicText,
    outcome: r.result.outcome,
    note: r.result.note,
    extra: r.extras.map((e) => `${e.name}: ${e.value}`),
  };
}

/** Two one-couple rows whose outcomes answer each other (winner/loser, safe/eliminated) are one dance-off. */
function complementary(a: WeeklyOutcome | null, b: WeeklyOutcome | null): boolean {
  return (
    (a === "winner" && b === "loser") ||
    (a === "loser" && b === "winner") ||
    (a === "safe" && b === "eliminated") ||
    (a === "eliminated" && b === "safe")
  );
}

/** Consecutive rows with the same dance and music form one dance-off. */
function groupDanceOffs(rows: DanceOffRow[]): DanceOffRow[][] {
  const groups: DanceOffRow[][] = [];
  for (const r of rows) {
    const last = groups[groups.length - 1];
    const head = last?.[0];
    const sameDance = head && head.style === r.style && head.musicText === r.musicText;
    const pairs = head && last?.length === 1 && r.ref.couples.length === 1 && complementary(head.outcome, r.outcome);
    if (last && head && (sameDance || pairs)) last.push(r);
    else groups.push([r]);
  }
  return groups;
}

/** One performance per dance-off; the rows' outcomes go into the week's results. */
export function danceOffPerformances(rows: DanceOffRow[], w: DanceOffWeek): PerformanceInput[] {
  const groups = groupDanceOffs(rows);
  // "The winners of each dance-off then competed ...": only the last dance-off's winner earns the bonus.
  const finalOnly = /winners? (?:from|of) each (?:match|dance-off)[^.]*compet/i.test(w.context);
  const performances: PerformanceInput[] = [];
  groups.forEach((g, gIndex) => {
    const perf = danceOffPerformance(g, w, !finalOnly || gIndex === groups.length - 1);
    if (perf) performances.push(perf);
  });
  return performances;
}

function danceOffPerformance(g: DanceOffRow[], w: DanceOffWeek, earnsBonus: boolean): PerformanceInput | null {
  const couples = [...new Set(g.flatMap((r) => r.ref.couples))];
  // In an elimination dance-off the couple marked safe is the one who won it.
  const winnerRow =
    g.find((r) => r.outcome === "winner") ??
    (g.some((r) => r.outcome === "eliminated") ? g.find((r) => r.outcome === "safe") : undefined);
  const winner = winnerRow?.ref.couples[0];
  const head = g[0];
  if (!head) return null;
  const music = parseMusicCell(
    g
      .map((r) => r.musicText)
      .filter((m, i, a) => a.indexOf(m) === i)
      .join("\n"),
    w.defaultArtist,
  );
  for (const r of g) for (const c of r.ref.couples) w.results.record(c, r.outcome, r.note);
  const wonOutright = winner && g.some((r) => r.outcome === "winner") && earnsBonus;
  const bonusPoints = wonOutright ? w.bonus : null;
  const notes = [...new Set(g.flatMap((r) => r.extra))];
  if (g.some((r) => r.outcome === "eliminated")) notes.push("Elimination dance-off");
  if (wonOutright && bonusPoints === null) notes.push("Extra points for the winner; size not stated on the page");
  return compact({
    round: "dance-off" as const,
    style: head.style,
    song: music.song,
    artist: music.artist,
    couples,
    bonus: winner && bonusPoints ? [{ couple: winner, points: bonusPoints, reason: "Won the dance-off" }] : undefined,
    winner,
    note: notes.length ? notes.join("; ") : undefined,
  });
}
