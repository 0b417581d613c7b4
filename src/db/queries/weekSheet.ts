import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import {
  bonusPoints,
  couples,
  extraScores,
  judgeScores,
  people,
  performanceCouples,
  performances,
  seasons,
  weekJudges,
  weeklyScores,
  weeks,
} from "../schema/index.js";

/** What the database knows about one week's scoring, in the show's terms; no Discord here. */
export interface CoupleRef {
  id: number;
  celebrity: string;
  pro: string;
}

export interface JudgeSeat {
  name: string;
  isGuest: boolean;
}

export interface Performance {
  id: number;
  round: string;
  /** "announced": named before the show, not danced or scored yet. */
  status?: "announced" | null;
  style: string | null;
  song: string | null;
  artist: string | null;
  team: string | null;
  note: string | null;
  coupleIds: number[];
  /** Aligned with the week's judges; null where that judge gave no score. Empty when the dance was not scored. */
  scores: (number | null)[];
  /** The judges' total where only the total is known (no per-judge scores). */
  reportedTotal: number | null;
  /** Scores from outside the panel that count in the total: a one-dance guest judge or the viewers' score. */
  extraScores: { by: string; kind: "guest judge" | "viewers"; score: number | null }[];
  bonus: { coupleId: number; points: number; reason: string | null }[];
  winnerCoupleId: number | null;
  standIns: { coupleId: number; by: string; for: string }[];
}

export interface WeekSheet {
  season: number;
  week: number;
  label: string;
  theme: string | null;
  airDate: string | null;
  isFinale: boolean;
  /** Not aired yet: "announced" (dances named, not scored) or "scheduled" (date and theme only); null once aired. */
  status?: "announced" | "scheduled" | null;
  judges: JudgeSeat[];
  carryOverFrom: number[];
  couples: CoupleRef[];
  performances: Performance[];
  /** Week-level bonus points (immunity, extra points) not tied to one dance. */
  bonus: { coupleId: number; points: number; reason: string | null }[];
  /** Per-judge weekly figures for couple-weeks with no dance-by-dance record. */
  weeklyScores: { coupleId: number; scores: (number | null)[]; dances: number | null }[];
}

const celebrity = alias(people, "celebrity");
const pro = alias(people, "pro");
const standIn = alias(people, "stand_in");
const replaced = alias(people, "replaced");

/** Everything one week's leaderboard needs, in a handful of queries. */
export async function loadWeekSheet(db: Database, weekId: number): Promise<WeekSheet | null> {
  const [week] = await db
    .select({ week: weeks, season: seasons.number, seasonId: seasons.id })
    .from(weeks)
    .innerJoin(seasons, eq(seasons.id, weeks.seasonId))
    .where(eq(weeks.id, weekId));
  if (!week) return null;

  const [judgeRows, coupleRows, perfRows, weeklyRows, bonusRows] = await Promise.all([
    db
      .select({ name: people.name, isGuest: weekJudges.isGuest, position: weekJudges.position })
      .from(weekJudges)
      .innerJoin(people, eq(people.id, weekJudges.personId))
      .where(eq(weekJudges.weekId, weekId))
      .orderBy(asc(weekJudges.position)),
    db
      .select({ id: couples.id, celebrity: celebrity.name, pro: pro.name })
      .from(couples)
      .innerJoin(celebrity, eq(celebrity.id, couples.celebrityId))
      .innerJoin(pro, eq(pro.id, couples.proId))
      .where(eq(couples.seasonId, week.seasonId)),
    db.select().from(performances).where(eq(performances.weekId, weekId)).orderBy(asc(performances.position)),
    db.select().from(weeklyScores).where(eq(weeklyScores.weekId, weekId)),
    db.select().from(bonusPoints).where(eq(bonusPoints.weekId, weekId)),
  ]);

  const perfIds = perfRows.map((p) => p.id);
  const [dancerRows, scoreRows, extraRows] = perfIds.length
    ? await Promise.all([
        db
          .select({
            performanceId: performanceCouples.performanceId,
            coupleId: performanceCouples.coupleId,
            standIn: standIn.name,
            replaced: replaced.name,
          })
          .from(performanceCouples)
          .leftJoin(standIn, eq(standIn.id, performanceCouples.standInId))
          .leftJoin(replaced, eq(replaced.id, performanceCouples.replacedId))
          .where(inArray(performanceCouples.performanceId, perfIds)),
        db.select().from(judgeScores).where(inArray(judgeScores.performanceId, perfIds)),
        db
          .select()
          .from(extraScores)
          .where(inArray(extraScores.performanceId, perfIds))
          .orderBy(asc(extraScores.position)),
      ])
    : [[], [], []];

  const judgeCount = judgeRows.length;
  const byPerf = new Map<number, Performance>(
    perfRows.map((p) => [
      p.id,
      {
        id: p.id,
        round: p.round,
        status: p.status,
        style: p.style,
        song: p.song,
        artist: p.artist,
        team: p.team,
        note: p.note,
        coupleIds: [],
        scores: [],
        reportedTotal: p.reportedTotal,
        extraScores: [],
        bonus: [],
        winnerCoupleId: p.winnerCoupleId,
        standIns: [],
      },
    ]),
  );
  for (const d of dancerRows) {
    const p = byPerf.get(d.performanceId);
    if (!p) continue;
    p.coupleIds.push(d.coupleId);
    if (d.standIn && d.replaced) p.standIns.push({ coupleId: d.coupleId, by: d.standIn, for: d.replaced });
  }
  for (const s of scoreRows) {
    const p = byPerf.get(s.performanceId);
    if (!p) continue;
    if (p.scores.length === 0) p.scores = Array.from({ length: judgeCount }, () => null);
    p.scores[s.position] = s.score;
  }
  for (const x of extraRows) byPerf.get(x.performanceId)?.extraScores.push({ by: x.by, kind: x.kind, score: x.score });
  const weekBonus = [];
  for (const b of bonusRows) {
    const entry = { coupleId: b.coupleId, points: b.points, reason: b.reason };
    const p = b.performanceId === null ? undefined : byPerf.get(b.performanceId);
    if (p) p.bonus.push(entry);
    else weekBonus.push(entry);
  }

  return {
    season: week.season,
    week: week.week.number,
    label: week.week.label,
    theme: week.week.theme,
    airDate: week.week.airDate,
    isFinale: week.week.isFinale,
    status: week.week.status,
    judges: judgeRows.map((j) => ({ name: j.name, isGuest: j.isGuest })),
    carryOverFrom: week.week.carryOverFrom,
    couples: coupleRows,
    performances: [...byPerf.values()],
    bonus: weekBonus,
    weeklyScores: weeklyRows.map((w) => ({ coupleId: w.coupleId, scores: w.scores, dances: w.dances })),
  };
}

/** The week rows of a season with one of these numbers (carry-over sources). */
export async function weekIdsByNumber(db: Database, seasonId: number, numbers: number[]): Promise<number[]> {
  if (numbers.length === 0) return [];
  const rows = await db
    .select({ id: weeks.id })
    .from(weeks)
    .where(and(eq(weeks.seasonId, seasonId), inArray(weeks.number, numbers)));
  return rows.map((r) => r.id);
}
