/** A week's results: eliminations, bottom couples, immunity, withdrawals and the judges' save. */
import type { CoupleResolver } from "./couples.js";
import { compact, type ResultInput } from "./model.js";
import { nameKey, type People } from "./people.js";
import type { WeeklyOutcome } from "./wikiCells.js";
import type { WikiWeek } from "./wikipedia.js";

/** How strong an outcome is: a couple seen in several tables keeps the strongest ("eliminated" beats "bottom"). */
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

/** The order results are listed in a week. */
const RESULT_ORDER = ["eliminated", "withdrew", "saved", "bottom", "immune", "advanced"];

export interface JudgesSaveVote {
  judge: string;
  saved: string;
}

/** Each couple's outcome for the week, as the tables, dance-offs, paragraphs and save votes say it. */
export class WeekResults {
  private readonly byCouple = new Map<string, { outcome: WeeklyOutcome; note: string | null }>();

  /** Records an outcome unless the couple already has a stronger one; finals and dance-off wins are not results. */
  record(couple: string, outcome: WeeklyOutcome | null, note: string | null): void {
    if (!outcome || outcome === "final" || outcome === "winner" || outcome === "loser") return;
    const prev = this.byCouple.get(couple);
    if (!prev || RESULT_RANK[outcome] > RESULT_RANK[prev.outcome]) this.byCouple.set(couple, { outcome, note });
  }

  /** The couples immune this week, in the order they were first recorded. */
  immune(): string[] {
    return [...this.byCouple.entries()].filter(([, r]) => r.outcome === "immune").map(([c]) => c);
  }

  /** The couple most judges voted to save is saved, whatever the tables said. */
  applySave(votes: JudgesSaveVote[]): void {
    if (!votes.length) return;
    const tally = new Map<string, number>();
    for (const v of votes) tally.set(v.saved, (tally.get(v.saved) ?? 0) + 1);
    const [savedCouple] = [...tally.entries()].sort((x, y) => y[1] - x[1])[0] ?? [];
    if (savedCouple) this.byCouple.set(savedCouple, { outcome: "saved", note: "Saved by the judges' vote" });
  }

  /** Every result but "safe", in the show's order. */
  list(): ResultInput[] {
    return [...this.byCouple.entries()]
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
  }
}

/** Immunity stated only in a paragraph ("Nev & Jenna were immune from the dance-off"). */
export function recordImmunityInParagraphs(context: string, resolver: CoupleResolver, results: WeekResults): void {
  for (const m of context.matchAll(/([A-Z][\p{L}.'-]*) (?:&|and) ([A-Z][\p{L}.'-]*) (?:were|was) immune/gu)) {
    const r = m[1] && m[2] ? resolver.resolve(m[1], m[2], context) : null;
    if (r) results.record(r.couple, "immune", null);
  }
}

/** The judges' save votes, each judge matched to the week's panel and each couple to the cast. */
export function judgesSaveVotes(
  wk: WikiWeek,
  judges: string[],
  people: People,
  resolver: CoupleResolver,
  context: string,
): JudgesSaveVote[] {
  return wk.saveVotes
    .map((v) => {
      const judge = judges.find((j) => nameKey(j).startsWith(nameKey(v.judge))) ?? people.get(v.judge);
      const [a, b] = v.couple.split(/\s+&\s+/);
      const r = a && b ? resolver.resolve(a, b, context) : null;
      return r ? { judge, saved: r.couple } : null;
    })
    .filter((v): v is JudgesSaveVote => v !== null);
}
