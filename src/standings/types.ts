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
