/** A league as read from the database, and the pure questions asked of it (no database, no Discord). */
import type { CastCouple, LeagueRow, PickRow, TeamRow } from "../db/queries/leagues/index.js";
import { type Candidate, rankCandidates } from "./autopick.js";
import type { ScoringRules } from "./scoring.js";

export interface CastMember extends CastCouple, Candidate {
  /** The week they went home or withdrew, if they have (as far as the records go, released or not). */
  exitWeek: number | null;
}

export interface LeagueState {
  league: LeagueRow;
  rules: ScoringRules;
  season: { id: number; number: number; decided: boolean };
  teams: TeamRow[];
  picks: PickRow[];
  cast: CastMember[];
  /** Week numbers of the season in order, and the last one. */
  weekNumbers: number[];
  onClock: TeamRow | null;
}

/**
 * Couples not on any team and still dancing, best first by the auto-pick rule. A replay hides exits after the weeks
 * released (no spoilers); a live league knows only the exits that happened, so every recorded one counts.
 */
export function available(state: LeagueState): CastMember[] {
  const taken = new Set(state.picks.map((p) => p.coupleId));
  const known = state.league.mode === "replay" ? state.league.releasedWeek : Number.POSITIVE_INFINITY;
  const free = state.cast.filter((c) => !taken.has(c.id) && (c.exitWeek === null || c.exitWeek > known));
  const released = state.league.releasedWeek;
  return rankCandidates(free, released >= 1) as CastMember[];
}

export function teamOf(state: LeagueState, userId: string): TeamRow | undefined {
  return state.teams.find((t) => t.userId === userId);
}

/** The couples a team holds (still on its roster), in pick order. */
export function rosterOf(state: LeagueState, teamId: number): { pick: PickRow; couple: CastMember }[] {
  const byId = new Map(state.cast.map((c) => [c.id, c]));
  return state.picks
    .filter((p) => p.teamId === teamId && p.coupleId !== null)
    .map((pick) => ({ pick, couple: byId.get(pick.coupleId as number) as CastMember }))
    .filter((r) => r.couple !== undefined);
}

export interface TeamStanding {
  rank: number;
  team: TeamRow;
  total: number;
  /** Points of the latest week scored. */
  change: number;
  /** Running total after each week 1..released. */
  byWeek: number[];
}

export interface RosterLine {
  couple: CastMember;
  pick: PickRow;
  /** Points by week number for this team. */
  weeks: Map<number, number>;
  total: number;
}
