/** Leagues against the database: state, turns, weeks released and scoring. No Discord here. */
import type { Database } from "../db/client.js";
import {
  appendPoints,
  castOf,
  exitsOf,
  getLeague,
  heldPoints,
  type LeagueRow,
  leaguePickList,
  leagueSeason,
  leagueTeamList,
  placementsOf,
  proPlacementsBefore,
  takeTurn,
  weeksOf,
  withLeagueLocked,
} from "../db/queries/leagues/index.js";
import type { WeekSheet } from "../db/queries/weekSheet.js";
import { loadWeekSheet } from "../db/queries/weekSheet.js";
import { UserError } from "../errors.js";
import { rankByTotal } from "../standings/standings.js";
import { autoPick } from "./autopick.js";
import { afterTurn, teamOnClock } from "./draft.js";
import {
  type CoupleWeekPoints,
  expectedPoints,
  ledgerDiff,
  pointsKey,
  rulesOf,
  type ScoringWeek,
  weekPoints,
} from "./scoring.js";
import { lastCompleteWeek, proRecord } from "./season.js";
import {
  available,
  type CastMember,
  type LeagueState,
  type RosterLine,
  rosterOf,
  type TeamStanding,
  teamOf,
} from "./state.js";

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
  // The pros' records and last week's scores only matter while someone is choosing (the menu, the automatic pick).
  const choosing = league.status === "drafting" || league.status === "waivers";
  const placements = choosing
    ? await proPlacementsBefore(
        db,
        cast.map((c) => c.proId),
        season.number,
      )
    : [];
  const lastWeek =
    choosing && league.releasedWeek > 0
      ? await marksOfWeek(db, league, league.releasedWeek)
      : new Map<number, number>();
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
    // A draft pick scores from the first week after those already over; a waiver claim from the week after its waivers.
    fromWeek: league.status === "waivers" ? (league.waiverWeek ?? 0) + 1 : league.releasedWeek + 1,
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

export async function teamSheet(db: Database, state: LeagueState, teamId: number): Promise<RosterLine[]> {
  const held = (await heldPoints(db, state.league.id)).filter((h) => h.teamId === teamId);
  return rosterOf(state, teamId).map(({ pick, couple }) => {
    const weeks = new Map<number, number>();
    for (const h of held.filter((x) => x.coupleId === couple.id))
      weeks.set(h.week, (weeks.get(h.week) ?? 0) + h.points);
    return { couple, pick, weeks, total: [...weeks.values()].reduce((a, b) => a + b, 0) };
  });
}
