/** A league's life: created, joined, drafted, weeks released (replays) or followed (live), waivers. No Discord here. */
import type { Database } from "../db/client.js";
import {
  findSeasonByNumber,
  insertLeague,
  joinLeague,
  type LeagueRow,
  leagueSeason,
  openWaivers,
  releaseWeeks,
  startDraft,
} from "../db/queries/leagues/index.js";
import { latestSeasonNumber } from "../db/queries/seasons.js";
import { UserError } from "../errors.js";
import { maxTeams, minTeams } from "./draft.js";
import { defaultRules } from "./scoring.js";
import { completeWeek, loadLeague, rescore, standingsOf } from "./service.js";
import { available, type LeagueState } from "./state.js";
import { waiverOrder } from "./waivers.js";

export const defaultTeamSize = 3;
export const defaultPickSeconds = 120;

export interface NewLeagueRequest {
  guildId: string;
  channelId: string;
  creatorId: string;
  name: string;
  season: number | null;
  teamSize: number | null;
  pickSeconds: number | null;
}

/** Stores a new open league; the caller posts its message. A decided season makes it a replay. */
export async function createLeague(db: Database, request: NewLeagueRequest): Promise<LeagueRow> {
  const number = request.season ?? (await latestSeasonNumber(db));
  const found = number === null ? null : await findSeasonByNumber(db, number);
  if (!found) throw new UserError(`There is no season ${number ?? ""} in the records. Pick one from the list.`);
  const season = await leagueSeason(db, found.id);
  return insertLeague(db, {
    guildId: request.guildId,
    channelId: request.channelId,
    creatorId: request.creatorId,
    name: request.name,
    seasonId: found.id,
    mode: season?.decided ? "replay" : "live",
    teamSize: request.teamSize ?? defaultTeamSize,
    pickSeconds: request.pickSeconds ?? defaultPickSeconds,
    rules: { ...defaultRules },
  });
}

export async function join(db: Database, leagueId: number, userId: string, name: string): Promise<void> {
  const result = await joinLeague(db, { leagueId, userId, name, maxTeams });
  if (result.joined) return;
  const why = {
    closed: "This league's draft has started, so it no longer takes new teams.",
    full: `This league is full: ${maxTeams} teams is the most a draft can take.`,
    member: "You are already in this league. Wait for the creator to start the draft.",
  } as const;
  throw new UserError(why[result.reason]);
}

/** Open -> drafting: 2 to 16 teams, and enough couples still dancing for every roster. */
export async function beginDraft(db: Database, state: LeagueState): Promise<void> {
  const teams = state.teams.length;
  if (state.league.status !== "open") throw new UserError("This league's draft has already started.");
  if (teams < minTeams) throw new UserError(`A draft needs at least ${minTeams} teams; ${teams} joined so far.`);
  const couples = available(state).length;
  const needed = teams * state.league.teamSize;
  if (needed > couples) {
    throw new UserError(
      `${teams} teams of ${state.league.teamSize} need ${needed} couples, but season ${state.season.number} has ${couples} to draft. Make the teams smaller with a new league, or draft with fewer teams.`,
    );
  }
  // A live league drafting mid-season scores from the next week on; the weeks already over are not its own.
  const over = state.league.mode === "live" ? await completeWeek(db, state.league.seasonId) : 0;
  if (!(await startDraft(db, state.league.id, over))) throw new UserError("This league's draft has already started.");
}

/**
 * A replay's owner releases the next week (or every week left): scored at once, then waivers when a team lost a
 * couple that week. All at once scores to the end with the rosters as they stand (no waivers in between).
 */
export async function advance(db: Database, state: LeagueState, all: boolean): Promise<{ from: number; to: number }> {
  const { league } = state;
  if (league.mode !== "replay") {
    throw new UserError("This league follows a season on the air: its weeks are scored as the results are recorded.");
  }
  const why: Record<string, string> = {
    open: "Draft first: the weeks are released once every team has its couples.",
    drafting: "The draft is still on. Weeks are released once it is done.",
    waivers: `Waivers after week ${league.waiverWeek} are still open; the next week comes once every team has decided.`,
    finished: "This replay is already scored to the end. See /league standings.",
  };
  if (why[league.status]) throw new UserError(why[league.status] as string);
  const last = state.weekNumbers.at(-1) ?? 0;
  const from = league.releasedWeek;
  const to = all ? last : Math.min(from + 1, last);
  if (!(await releaseWeeks(db, league.id, from, to, to >= last))) {
    throw new UserError("Someone released that week a moment ago. Look at /league standings.");
  }
  await rescore(db, league.id);
  if (!all && to < last) await maybeOpenWaivers(db, league.id, to);
  return { from, to };
}

/** After `week` is scored: the teams that lost a couple that week claim in waiver order, if any couple is free. */
export async function maybeOpenWaivers(db: Database, leagueId: number, week: number): Promise<boolean> {
  const state = await loadLeague(db, leagueId);
  if (state?.league.status !== "active") return false;
  const exited = new Set(state.cast.filter((c) => c.exitWeek === week).map((c) => c.id));
  const losers = new Set(state.picks.filter((p) => p.coupleId !== null && exited.has(p.coupleId)).map((p) => p.teamId));
  if (losers.size === 0 || available(state).length === 0) return false;
  const standings = await standingsOf(db, state);
  const slots = new Map(state.teams.map((t, i) => [t.id, i]));
  const order = waiverOrder(
    standings
      .filter((s) => losers.has(s.team.id))
      .map((s) => ({ teamId: s.team.id, points: s.total, slot: slots.get(s.team.id) ?? 0 })),
  );
  return (await openWaivers(db, leagueId, week, order)) !== null;
}

/** A live league moves on one week whenever the records say the next week ended; true when it moved. */
export async function followLiveSeason(db: Database, league: LeagueRow): Promise<boolean> {
  const complete = await completeWeek(db, league.seasonId);
  if (complete <= league.releasedWeek) return false;
  const state = await loadLeague(db, league.id);
  if (!state) return false;
  const last = state.weekNumbers.at(-1) ?? 0;
  const to = league.releasedWeek + 1;
  const finished = to >= last && state.season.decided;
  if (!(await releaseWeeks(db, league.id, league.releasedWeek, to, finished))) return false;
  await rescore(db, league.id);
  if (!finished) await maybeOpenWaivers(db, league.id, to);
  return true;
}
