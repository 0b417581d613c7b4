/** Who judged a week and in which order: the page's judge lists, pseudo-judges, and aligning a row's scores to them. */
import { nameKey, type People } from "./people.js";
import type { WikiTable, WikiWeek } from "./wikipedia.js";

/** Pseudo-judges: score columns that are not one person on the panel. */
const PSEUDO_JUDGES: Record<string, "guest judge" | "viewers"> = {
  "guest judge": "guest judge",
  "america s score": "viewers",
};

export interface ExtraScore {
  by: string;
  kind: "guest judge" | "viewers";
  score: number | null;
}

export interface AlignedScores {
  scores: (number | null)[];
  extra: ExtraScore[];
}

/** "Bruno Tonioli (Night 1 only)" -> "Bruno Tonioli". */
function cleanJudge(raw: string): string {
  return raw.replace(/\s*\([^)]*\)\s*$/, "").trim();
}

function isPseudoJudge(name: string): boolean {
  return PSEUDO_JUDGES[nameKey(name)] !== undefined;
}

/** The week's judges: every real judge named for any of its tables, in page order. */
export function weekJudges(wk: WikiWeek, people: People): string[] {
  const judges: string[] = [];
  for (const t of wk.tables.length ? wk.tables : [{ judges: wk.judges } as WikiTable])
    for (const raw of t.judges) {
      const j = cleanJudge(raw);
      if (isPseudoJudge(j)) continue;
      const name = people.get(j);
      if (!judges.includes(name)) judges.push(name);
    }
  return judges;
}

/** The MCM column names for the week: its longest judge list, pseudo-judges kept under their page names. */
export function pageColumns(wk: WikiWeek, people: People): string[] {
  const longest = wk.tables.reduce<string[]>((a, t) => (t.judges.length > a.length ? t.judges : a), wk.judges);
  return longest.map((j) => {
    const c = cleanJudge(j);
    return isPseudoJudge(c) ? c : people.get(c);
  });
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
): AlignedScores | null {
  let order = tableJudges;
  if (publicScoreLast && scores.length === order.length + 1) order = [...order, "America's Score"];
  if (scores.length !== order.length) order = order.filter((j) => !/\(.*only\)/i.test(j));
  if (scores.length !== order.length) return null;
  const out: (number | null)[] = weekJudges.map(() => null);
  const extra: ExtraScore[] = [];
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
