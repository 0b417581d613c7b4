/** Leagues against the database: state, turns, weeks released and scoring. No Discord here. */
import type { Database } from "../db/client.js";
import {
  appendPoints,
  type CastCouple,
  castOf,
  exitsOf,
  getLeague,
  heldPoints,
  type LeagueRow,
  leaguePickList,
  leagueSeason,
  leagueTeamList,
  type PickRow,
  placementsOf,
  proPlacementsBefore,
  type TeamRow,
  takeTurn,
  weeksOf,
  withLeagueLocked,
} from "../db/queries/leagues/index.js";
import { loadWeekSheet } from "../db/queries/weekSheet.js";
import { UserError } from "../errors.js";
import { rankByTotal } from "../standings/standings.js";
import type { WeekSheet } from "../standings/types.js";
import { autoPick, type Candidate, rankCandidates } from "./autopick.js";
import { afterTurn, teamOnClock } from "./draft.js";
import {
  type CoupleWeekPoints,
  expectedPoints,
  ledgerDiff,
  pointsKey,
  rulesOf,
  type ScoringRules,
  type ScoringWeek,
  weekPoints,
} from "./scoring.js";
import { lastCompleteWeek, proRecord } from "./season.js";

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

/** Everything the league's message and its checks need, read once. */
export async function loadLeague(db: Database, leagueId: number): Promise<LeagueState | null> {
  const league = await getLeague(db, leagueId);
  if (!league) return null;
  const season = await leagueSeason(db, league.seasonId);
  if (!season) return null;
  const [teams, picks, cast, exits, weeks] = await Promise.all([
    leagueTeamList(db, leagueId),
    leaguePickList(db, leagueId),
    castOf(db, league.seasonId),
    exitsOf(db, league.seasonId),
    weeksOf(db, league.seasonId),
  ]);
  const placements = await proPlacementsBefore(
    db,
    cast.map((c) => c.proId),
    season.number,
  );
  const lastWeek = league.releasedWeek > 0 ? await marksOfWeek(db, league, league.releasedWeek) : new Map();
  const exitWeek = new Map(exits.map((e) => [e.coupleId, e.week]));
  const members: CastMember[] = cast.map((c) => {
    const record = proRecord(placements.filter((p) => p.proId === c.proId).map((p) => p.placement));
    return {
      ...c,
      coupleId: c.id,
      exitWeek: exitWeek.get(c.id) ?? null,
      lastWeek: lastWeek.get(c.id) ?? null,
      proSeasons: record.seasons,
      proTitles: record.titles,
      proAveragePlacement: record.averagePlacement,
    };
  });
  const teamIds = teams.map((t) => t.id);
  const onClockId = teamOnClock(league, teamIds);
  return {
    league,
    rules: rulesOf(league.rules),
    season,
    teams,
    picks,
    cast: members,
    weekNumbers: [...new Set(weeks.map((w) => w.number))],
    onClock: teams.find((t) => t.id === onClockId) ?? null,
  };
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

const refusals = {
  moved: "That turn was already taken; the draft has moved on. Use the menu on the league's message as it is now.",
  taken: "That couple was just taken by another team. Pick another from the menu.",
} as const;

export interface TurnRequest {
  leagueId: number;
  guildId: string;
  userId: string;
  /** The turn written in the menu's custom_id: a menu from an earlier turn is stale. */
  turn: number;
  /** The couple picked, or null to keep an empty slot (waivers only). */
  coupleId: number | null;
  /** The message the click came from: it must be the league's own. */
  messageId: string;
}

/** A member's pick or waiver decision, validated against the league as stored at click time. */
export async function takeMemberTurn(db: Database, request: TurnRequest): Promise<LeagueState> {
  const state = await loadLeague(db, request.leagueId);
  if (!state || state.league.guildId !== request.guildId || state.league.messageId !== request.messageId) {
    throw new UserError("That menu does not belong to a league of this server. Use the league's own message.");
  }
  const { league } = state;
  if (league.status !== "drafting" && league.status !== "waivers") {
    throw new UserError("Nobody is picking in this league right now: the draft and any waivers are over.");
  }
  if (request.turn !== league.turn) throw new UserError(refusals.moved);
  const team = teamOf(state, request.userId);
  if (!team) throw new UserError("You are not in this league, so you cannot pick for it.");
  if (state.onClock?.id !== team.id) {
    throw new UserError(`It is not your turn: <@${state.onClock?.userId ?? "0"}> is on the clock.`);
  }
  if (request.coupleId === null && league.status === "drafting") {
    throw new UserError("Every draft turn needs a couple. Pick one from the menu.");
  }
  if (request.coupleId !== null) {
    const couple = state.cast.find((c) => c.id === request.coupleId);
    if (!couple) throw new UserError("That couple is not in this league's season. Pick one from the menu.");
    if (!available(state).some((c) => c.id === couple.id)) {
      throw new UserError(`${couple.celebrity} & ${couple.pro} are not available any more. Pick another couple.`);
    }
  }
  const kind = league.status === "waivers" ? (request.coupleId === null ? "kept" : "waiver") : "pick";
  await storeTurn(db, state, team.id, request.coupleId, kind);
  return (await loadLeague(db, request.leagueId)) as LeagueState;
}

async function storeTurn(
  db: Database,
  state: LeagueState,
  teamId: number,
  coupleId: number | null,
  kind: "pick" | "auto" | "waiver" | "kept",
): Promise<void> {
  const { league } = state;
  const result = await takeTurn(db, {
    leagueId: league.id,
    turn: league.turn,
    teamId,
    coupleId,
    kind,
    fromWeek: league.status === "waivers" ? (league.waiverWeek ?? 0) + 1 : 1,
    next: afterTurn(league, state.teams.length),
  });
  if (!result.stored) throw new UserError(refusals[result.reason]);
}

/**
 * The clock ran out on `turn`: the draft picks for the team by the auto-pick rule; in waivers the team keeps its empty
 * slot. Returns whether this caller stored the turn (false when someone or something else already took it).
 */
export async function expireClock(db: Database, leagueId: number, turn: number): Promise<boolean> {
  const state = await loadLeague(db, leagueId);
  if (!state || state.league.turn !== turn || !state.onClock) return false;
  const drafting = state.league.status === "drafting";
  const choice = drafting ? autoPick(available(state), state.league.releasedWeek >= 1) : null;
  if (drafting && !choice) return false;
  try {
    await storeTurn(db, state, state.onClock.id, choice?.coupleId ?? null, drafting ? "auto" : "kept");
    return true;
  } catch (error) {
    if (error instanceof UserError) return false;
    throw error;
  }
}

/** Judges' marks plus bonus of one week, per couple (last week's score in the menus). */
async function marksOfWeek(db: Database, league: LeagueRow, week: number): Promise<Map<number, number>> {
  const [scoring] = await scoringWeeks(db, league.seasonId, week, week);
  return new Map(scoring ? weekPoints(scoring, rulesOf(league.rules)).map((p) => [p.coupleId, p.marks]) : []);
}

/** The season's weeks `from`..`to` as scoring reads them. */
export async function scoringWeeks(db: Database, seasonId: number, from: number, to: number): Promise<ScoringWeek[]> {
  const [weeks, exits, placements, season] = await Promise.all([
    weeksOf(db, seasonId),
    exitsOf(db, seasonId),
    placementsOf(db, seasonId),
    leagueSeason(db, seasonId),
  ]);
  const wanted = weeks.filter((w) => w.number >= from && w.number <= to);
  const sheets = await Promise.all(wanted.map((w) => loadWeekSheet(db, w.id)));
  const byNumber = new Map<number, ScoringWeek>();
  for (const [i, w] of wanted.entries()) {
    const sheet = sheets[i];
    let week = byNumber.get(w.number);
    if (!week) {
      week = {
        week: w.number,
        isFinale: false,
        sheets: [],
        eliminated: exits.filter((e) => e.week === w.number && e.outcome === "eliminated").map((e) => e.coupleId),
        withdrew: exits.filter((e) => e.week === w.number && e.outcome === "withdrew").map((e) => e.coupleId),
        placements: new Map(season?.decided ? placements.map((p) => [p.coupleId, p.placement]) : []),
      };
      byNumber.set(w.number, week);
    }
    week.isFinale ||= w.isFinale;
    if (sheet) week.sheets.push(sheet as WeekSheet);
  }
  return [...byNumber.values()];
}

/** The last week a live league may score: the recorded results, week by week. */
export async function completeWeek(db: Database, seasonId: number): Promise<number> {
  const [weeks, exits, season] = await Promise.all([
    weeksOf(db, seasonId),
    exitsOf(db, seasonId),
    leagueSeason(db, seasonId),
  ]);
  return lastCompleteWeek(weeks, new Set(exits.map((e) => e.week)), season?.decided ?? false);
}

/**
 * Brings a league's ledger in line with the records for the weeks released: appends what each (team, couple, week)
 * is missing or holds too much. Safe to run any number of times in any process; returns the rows appended.
 */
export async function rescore(db: Database, leagueId: number): Promise<number> {
  const appended = await withLeagueLocked(db, leagueId, async (tx, league) => {
    if (league.releasedWeek < 1) return 0;
    const [weeks, picks, held] = await Promise.all([
      scoringWeeks(tx, league.seasonId, 1, league.releasedWeek),
      leaguePickList(tx, leagueId),
      heldPoints(tx, leagueId),
    ]);
    const rules = rulesOf(league.rules);
    const points: CoupleWeekPoints[] = weeks.flatMap((w) => weekPoints(w, rules));
    const holdings = picks.flatMap((p) =>
      p.coupleId === null ? [] : [{ teamId: p.teamId, coupleId: p.coupleId, fromWeek: p.fromWeek }],
    );
    const entries = ledgerDiff(expectedPoints(holdings, points), new Map(held.map((h) => [pointsKey(h), h])));
    await appendPoints(tx, leagueId, entries);
    return entries.length;
  });
  return appended ?? 0;
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

/** Rank, team, points and this week's change, from the ledger; tied totals share a rank. */
export async function standingsOf(db: Database, state: LeagueState): Promise<TeamStanding[]> {
  const held = await heldPoints(db, state.league.id);
  const released = state.league.releasedWeek;
  const rows = state.teams.map((team) => {
    const weekly = Array.from({ length: released }, (_, i) =>
      held.filter((h) => h.teamId === team.id && h.week === i + 1).reduce((a, h) => a + h.points, 0),
    );
    const byWeek = weekly.map((_, i) => weekly.slice(0, i + 1).reduce((a, b) => a + b, 0));
    return { team, total: byWeek.at(-1) ?? 0, change: weekly.at(-1) ?? 0, byWeek };
  });
  return rankByTotal(rows);
}

export interface RosterLine {
  couple: CastMember;
  pick: PickRow;
  /** Points by week number for this team. */
  weeks: Map<number, number>;
  total: number;
}

export async function teamSheet(db: Database, state: LeagueState, teamId: number): Promise<RosterLine[]> {
  const held = (await heldPoints(db, state.league.id)).filter((h) => h.teamId === teamId);
  return rosterOf(state, teamId).map(({ pick, couple }) => {
    const weeks = new Map<number, number>();
    for (const h of held.filter((x) => x.coupleId === couple.id))
      weeks.set(h.week, (weeks.get(h.week) ?? 0) + h.points);
    return { couple, pick, weeks, total: [...weeks.values()].reduce((a, b) => a + b, 0) };
  });
}
