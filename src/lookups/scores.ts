import type { ScoredDanceRow } from "../db/queries/dances.js";

/** A scored dance once: its couples together (a team dance is one dance), its marks, where it was danced. */
export interface ScoredDance
  extends Pick<
    ScoredDanceRow,
    "performanceId" | "season" | "week" | "label" | "round" | "style" | "song" | "artist" | "total" | "judges"
  > {
  couples: { id: number; celebrity: string; pro: string }[];
  /** How many couples danced it, even when the rows were filtered to one couple. */
  dancers: number;
  /** Out of 10: fair between panels of three and four judges. */
  perJudge: number;
  perfect: boolean;
}

/** Folds the per-couple rows of the query into one entry per dance. */
export function toDances(rows: readonly ScoredDanceRow[]): ScoredDance[] {
  const byId = new Map<number, ScoredDance>();
  for (const r of rows) {
    let dance = byId.get(r.performanceId);
    if (!dance) {
      dance = {
        performanceId: r.performanceId,
        season: r.season,
        week: r.week,
        label: r.label,
        round: r.round,
        style: r.style,
        song: r.song,
        artist: r.artist,
        couples: [],
        dancers: r.dancers,
        total: r.total,
        judges: r.judges,
        perJudge: r.judges > 0 ? r.total / r.judges : 0,
        // A "perfect score" is every judge giving a 10; a lone mark is not one.
        perfect: r.judges >= 2 && r.lowest === 10,
      };
      byId.set(r.performanceId, dance);
    }
    dance.couples.push({ id: r.coupleId, celebrity: r.celebrity, pro: r.pro });
  }
  for (const d of byId.values()) d.couples.sort((a, b) => a.celebrity.localeCompare(b.celebrity));
  return [...byId.values()];
}

/** Best first: higher mark per judge, then the bigger panel's total, then the earlier dance. */
export function byBest(a: ScoredDance, b: ScoredDance): number {
  return b.perJudge - a.perJudge || b.total - a.total || a.season - b.season || a.week - b.week;
}

export function byWorst(a: ScoredDance, b: ScoredDance): number {
  return a.perJudge - b.perJudge || a.total - b.total || a.season - b.season || a.week - b.week;
}

/** A couple's own dances: not team dances, relays or dance-offs shared with other couples. */
export const isCoupleDance = (d: ScoredDance) => Math.max(d.dancers, d.couples.length) === 1;

export interface CoupleTally {
  coupleId: number;
  season: number;
  celebrity: string;
  pro: string;
  dances: number;
  perfect: number;
  /** Mean mark per judge over every scored dance, team dances included (as /couple counts them). */
  average: number;
}

/** Per couple: dances scored, perfect scores, and the average mark per judge. */
export function tallyCouples(rows: readonly ScoredDanceRow[]): CoupleTally[] {
  const byCouple = new Map<number, CoupleTally & { marks: number; judges: number }>();
  for (const r of rows) {
    const t = byCouple.get(r.coupleId) ?? {
      coupleId: r.coupleId,
      season: r.season,
      celebrity: r.celebrity,
      pro: r.pro,
      dances: 0,
      perfect: 0,
      average: 0,
      marks: 0,
      judges: 0,
    };
    t.dances += 1;
    if (r.judges >= 2 && r.lowest === 10) t.perfect += 1;
    t.marks += r.total;
    t.judges += r.judges;
    byCouple.set(r.coupleId, t);
  }
  return [...byCouple.values()].map(({ marks, judges, ...t }) => ({ ...t, average: judges > 0 ? marks / judges : 0 }));
}

/** Mean mark per judge over the given rows (each dance once), or null with nothing scored. */
export function averagePerJudge(dances: readonly ScoredDance[]): number | null {
  let marks = 0;
  let judges = 0;
  for (const d of dances) {
    marks += d.total;
    judges += d.judges;
  }
  return judges === 0 ? null : marks / judges;
}

/** A couple's or pro's best dance: their own dances first, a shared team dance only when they have no other. */
export function bestDance(dances: readonly ScoredDance[]): ScoredDance | null {
  const own = dances.filter(isCoupleDance);
  return [...(own.length ? own : dances)].sort(byBest)[0] ?? null;
}
