/** What the CSV exports read: a poll's votes, a server's prediction ledger, a league's points. SQL only. */
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import {
  couples,
  leaguePoints,
  leagues,
  leagueTeams,
  people,
  pollOptions,
  polls,
  pollVotes,
  predictionLedger,
  seasons,
} from "../schema/index.js";

export async function pollVoteRows(db: Database, pollId: number) {
  return db
    .select({
      userId: pollVotes.userId,
      position: pollVotes.position,
      answer: pollOptions.label,
      votedAt: pollVotes.votedAt,
    })
    .from(pollVotes)
    .innerJoin(pollOptions, and(eq(pollOptions.pollId, pollVotes.pollId), eq(pollOptions.position, pollVotes.position)))
    .where(eq(pollVotes.pollId, pollId))
    .orderBy(asc(pollVotes.position), asc(pollVotes.votedAt), asc(pollVotes.userId));
}

/** Every prediction ledger entry of a server, oldest first, with the poll it scored. */
export async function predictionLedgerRows(db: Database, guildId: string) {
  return db
    .select({
      userId: predictionLedger.userId,
      pollId: predictionLedger.pollId,
      kind: polls.kind,
      season: seasons.number,
      week: polls.week,
      points: predictionLedger.points,
      reason: predictionLedger.reason,
      at: predictionLedger.createdAt,
    })
    .from(predictionLedger)
    .innerJoin(polls, eq(polls.id, predictionLedger.pollId))
    .leftJoin(seasons, eq(seasons.id, polls.seasonId))
    .where(eq(predictionLedger.guildId, guildId))
    .orderBy(asc(predictionLedger.id));
}

const celebrity = alias(people, "celebrity");

export async function leagueOf(db: Database, leagueId: number) {
  const [row] = await db
    .select({ id: leagues.id, guildId: leagues.guildId, name: leagues.name })
    .from(leagues)
    .where(eq(leagues.id, leagueId));
  return row ?? null;
}

/** Every points entry of a league, oldest first, with its team and couple. */
export async function leaguePointRows(db: Database, leagueId: number) {
  return db
    .select({
      team: leagueTeams.name,
      userId: leagueTeams.userId,
      couple: celebrity.name,
      week: leaguePoints.week,
      points: leaguePoints.points,
      reason: leaguePoints.reason,
      at: leaguePoints.createdAt,
    })
    .from(leaguePoints)
    .innerJoin(leagueTeams, eq(leagueTeams.id, leaguePoints.teamId))
    .leftJoin(couples, eq(couples.id, leaguePoints.coupleId))
    .leftJoin(celebrity, eq(celebrity.id, couples.celebrityId))
    .where(eq(leaguePoints.leagueId, leagueId))
    .orderBy(asc(leaguePoints.id));
}
