/**
 * The automatic pick for a team that missed the clock, by a stated rule:
 * - before week 1 has been scored, the couple whose pro has the most Mirrorball trophies in earlier seasons, then the
 *   best average placement in earlier seasons (a pro with none counts as last), then the celebrity's name A-Z;
 * - after that, the couple with the highest judges' total (with bonus points) last week, then the name A-Z.
 */

export interface Candidate {
  coupleId: number;
  celebrity: string;
  pro: string;
  /** The couple's judges' total plus bonus in the latest scored week; null before week 1 or when they did not dance. */
  lastWeek: number | null;
  /** The pro's record in the seasons before this one. */
  proSeasons: number;
  proTitles: number;
  proAveragePlacement: number | null;
}

export const autoPickRule =
  "Missed clock: before week 1, the couple whose pro has the most trophies, then the best average placement; after week 1, last week's best judges' total; ties by name.";

function byName(a: Candidate, b: Candidate): number {
  return a.celebrity.localeCompare(b.celebrity);
}

/** Best first, by the rule above. */
export function rankCandidates(candidates: readonly Candidate[], weekOneScored: boolean): Candidate[] {
  return [...candidates].sort((a, b) => {
    if (weekOneScored) return (b.lastWeek ?? -1) - (a.lastWeek ?? -1) || byName(a, b);
    return (
      b.proTitles - a.proTitles ||
      (a.proAveragePlacement ?? Number.POSITIVE_INFINITY) - (b.proAveragePlacement ?? Number.POSITIVE_INFINITY) ||
      byName(a, b)
    );
  });
}

export function autoPick(candidates: readonly Candidate[], weekOneScored: boolean): Candidate | null {
  return rankCandidates(candidates, weekOneScored)[0] ?? null;
}
