import type { Database } from "../db/client.js";
import { listScoredDances } from "../db/queries/dances.js";
import { UserError } from "../errors.js";
import { remembered } from "../seasons/store.js";
import { type CoupleCard, getCoupleCard, type WeekPoint, weeklyPoints } from "./couple.js";
import { bestDance, type ScoredDance, toDances } from "./scores.js";

export interface CompareSide {
  card: CoupleCard;
  points: WeekPoint[];
  best: ScoredDance | null;
  perfect: number;
  /** Weeks they danced (or have weekly figures for). */
  weeks: number;
}

export interface Comparison {
  a: CompareSide;
  b: CompareSide;
  sameSeason: boolean;
}

async function getComparisonNow(db: Database, a: number, b: number): Promise<Comparison> {
  if (a === b) throw new UserError("Those are the same couple twice: pick two different couples to compare.");
  const [cardA, cardB, rows] = await Promise.all([
    getCoupleCard(db, a),
    getCoupleCard(db, b),
    listScoredDances(db, { coupleIds: [a, b] }),
  ]);
  const side = (card: CoupleCard): CompareSide => {
    const dances = toDances(rows.filter((r) => r.coupleId === card.couple.id));
    return {
      card,
      points: weeklyPoints(card),
      best: bestDance(dances),
      perfect: dances.filter((d) => d.perfect).length,
      weeks: new Set(card.weeks.map((w) => w.sheet.week)).size,
    };
  };
  return { a: side(cardA), b: side(cardB), sameSeason: cardA.couple.season === cardB.couple.season };
}

/** Answered from memory after the first time (src/seasons/store.ts). */
export const getComparison = remembered("compare", getComparisonNow);
