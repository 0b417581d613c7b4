/**
 * Waivers after an elimination: each team that lost a couple that week may claim one undrafted couple still dancing,
 * lowest standing first (fewest points; a tie goes to the team that drafted later, as in the draft's last round).
 */

export interface WaiverTeam {
  teamId: number;
  points: number;
  /** 0-based join order, which is the draft order of round 1. */
  slot: number;
}

export function waiverOrder(teamsThatLostACouple: readonly WaiverTeam[]): number[] {
  return [...teamsThatLostACouple].sort((a, b) => a.points - b.points || b.slot - a.slot).map((t) => t.teamId);
}
