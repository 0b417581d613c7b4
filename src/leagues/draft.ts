/** The snake draft: who is on the clock at each turn, in the show-free words of a draft room. */

/** Teams with a roster of `teamSize` couples; 2 to 16 teams in a league. */
export const minTeams = 2;
export const maxTeams = 16;

/** Draft turns: every team picks `teamSize` times. */
export function draftTurns(teams: number, teamSize: number): number {
  return teams * teamSize;
}

/**
 * The draft slot (0-based position in join order) on the clock at a draft turn: round 1 goes 1..N, round 2 N..1,
 * and so on, so the last to pick in one round picks first in the next.
 */
export function snakeSlot(turn: number, teams: number): number {
  const round = Math.floor(turn / teams);
  const within = turn % teams;
  return round % 2 === 0 ? within : teams - 1 - within;
}

/** The round (1-based) and pick within it (1-based) of a draft turn, as the board writes it ("round 2, pick 3"). */
export function roundAndPick(turn: number, teams: number): { round: number; pick: number } {
  return { round: Math.floor(turn / teams) + 1, pick: (turn % teams) + 1 };
}

export interface TurnState {
  status: string;
  turn: number;
  teamSize: number;
  waiverStart: number | null;
  waiverOrder: readonly number[];
}

/**
 * The team on the clock: during the draft, the snake's slot among the teams in join order; during waivers, the
 * waiver order. Null when nobody is on the clock.
 */
export function teamOnClock(state: TurnState, teamIdsInJoinOrder: readonly number[]): number | null {
  if (state.status === "drafting") {
    if (state.turn >= draftTurns(teamIdsInJoinOrder.length, state.teamSize)) return null;
    return teamIdsInJoinOrder[snakeSlot(state.turn, teamIdsInJoinOrder.length)] ?? null;
  }
  if (state.status === "waivers" && state.waiverStart !== null) {
    return state.waiverOrder[state.turn - state.waiverStart] ?? null;
  }
  return null;
}

/** What the league becomes once a turn is taken: the next turn on the clock, or the season under way. */
export function afterTurn(
  state: TurnState,
  teams: number,
): { status: "drafting" | "waivers" | "active"; clock: boolean } {
  const next = state.turn + 1;
  if (state.status === "drafting") {
    return next < draftTurns(teams, state.teamSize)
      ? { status: "drafting", clock: true }
      : { status: "active", clock: false };
  }
  const end = (state.waiverStart ?? 0) + state.waiverOrder.length;
  return next < end ? { status: "waivers", clock: true } : { status: "active", clock: false };
}
