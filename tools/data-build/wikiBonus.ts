/**
 * Bonus points outside the judges' scores: sizes the week paragraphs state in words, a short explicit list,
 * and dance-off or immunity bonuses whose size only the MCM weekly figures reveal.
 */
import type { SeasonFileWeek } from "../../src/data/seasonFile.js";
import type { CastCouple } from "./couples.js";
import { mcmWeekly } from "./mcm.js";
import type { BonusInput, PerformanceInput, WeekInput } from "./model.js";
import { rebuildCoupleWeek } from "./reconcile.js";
import { numberWord } from "./wikiCells.js";
import { countsInAverage, type McmColumns, type McmLookup } from "./wikiMcm.js";

/**
 * Bonus points the week paragraphs state in words that the tables do not show.
 * (Dance-off bonuses and the immunity bonuses written as "a three-point bonus" are read from the paragraphs.)
 */
const STATED_BONUS: { season: number; week: number; couple: string; points: number; reason: string }[] = [
  { season: 30, week: 4, couple: "Jimmie Allen", points: 2, reason: "Won the Mickey Dance Challenge" },
];

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

/** Week-level bonuses stated in the paragraphs (immunity points, when one couple is immune) and the explicit list. */
export function statedWeekBonus(season: number, week: number, paragraphs: string, immune: string[]): BonusInput[] {
  const bonus: BonusInput[] = [];
  const immunityPoints = statedImmunityBonus(paragraphs);
  if (immunityPoints && immune.length === 1 && immune[0])
    bonus.push({ couple: immune[0], points: immunityPoints, reason: "Immunity from the dance-offs" });
  for (const b of STATED_BONUS)
    if (b.season === season && b.week === week) bonus.push({ couple: b.couple, points: b.points, reason: b.reason });
  return bonus;
}

/**
 * Dance-off weeks where the page says the winners (or the immune couple) got extra points without saying how many:
 * the size is read from the MCM figures when MCM shows the same whole-number bonus for every judge column.
 */
export function deriveBonusFromMcm(
  weeks: WeekInput[],
  columns: McmColumns[],
  cast: CastCouple[],
  mcmOf: McmLookup,
): void {
  for (const week of weeks) {
    if (week.label) continue;
    const unsized = week.performances.filter(
      (p) => p.round === "dance-off" && p.winner && !p.bonus && /size not stated/.test(p.note ?? ""),
    );
    const hasDanceOff = week.performances.some((p) => p.round === "dance-off" && p.winner);
    if (!unsized.length && !hasDanceOff) continue;
    const cols = columns.find((c) => c.week === week.week && !c.label)?.columns ?? [];
    for (const couple of unsizedBonusCouples(week, unsized)) {
      if (!cast.some((c) => c.celebrity === couple)) continue;
      const size = bonusSizeFromMcm(week, couple, cols, mcmOf);
      if (size !== null) addMcmSizedBonus(week, unsized, couple, size);
    }
  }
}

/** Dance-off winners with an unsized bonus, then immune couples with no bonus yet. */
function unsizedBonusCouples(week: WeekInput, unsized: PerformanceInput[]): string[] {
  const immune = (week.results ?? []).filter((r) => r.outcome === "immune").map((r) => r.couple);
  return [
    ...unsized.map((p) => p.winner ?? ""),
    ...immune.filter((c) => !(week.bonus ?? []).some((b) => b.couple === c)),
  ];
}

/**
 * The bonus MCM adds on top of the couple's rebuilt scores: the same surplus in every judge column,
 * times the columns and the couple's scored dances, must come to a whole number of points.
 */
function bonusSizeFromMcm(week: WeekInput, couple: string, cols: string[], mcmOf: McmLookup): number | null {
  const row = mcmOf(couple);
  const mcm = row ? mcmWeekly(row, week.week) : null;
  const rebuilt = rebuildCoupleWeek(week as SeasonFileWeek, couple, cols);
  if (!mcm || !rebuilt || mcm.length !== cols.length) return null;
  const diffs = rebuilt.map((v, i) => (v === null ? Number.NaN : (mcm[i] ?? Number.NaN) - v));
  const d = diffs[0] ?? Number.NaN;
  if (!(d > 0.01) || diffs.some((x) => Math.abs(x - d) > 0.001)) return null;
  const dances = week.performances.filter(
    (p) => countsInAverage(p.round) && p.couples.includes(couple) && p.scores,
  ).length;
  const points = d * cols.length * dances;
  if (Math.abs(points - Math.round(points)) > 0.02) return null;
  return Math.round(points);
}

/** Puts the size on the couple's dance-off win, or else records it as an immunity bonus for the week. */
function addMcmSizedBonus(week: WeekInput, unsized: PerformanceInput[], couple: string, size: number): void {
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
