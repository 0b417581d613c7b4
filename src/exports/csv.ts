/** CSV files of a server's polls, predictions and leagues, written with csv-stringify. */
import { stringify } from "csv-stringify/sync";
import type { Database } from "../db/client.js";
import { leagueOf, leaguePointRows, pollVoteRows, predictionLedgerRows } from "../db/queries/exports.js";
import { getPoll } from "../db/queries/polls/index.js";
import { UserError } from "../errors.js";

export interface CsvFile {
  name: string;
  data: Buffer;
  rows: number;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) gets a leading quote: poll
 * answers and team names are members' text, and opening the file must never run it.
 */
export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
}

function csv(name: string, columns: string[], rows: unknown[][]): CsvFile {
  const body = stringify(
    rows.map((r) => r.map(safeCell)),
    { header: true, columns, bom: true },
  );
  return { name, data: Buffer.from(body, "utf8"), rows: rows.length };
}

/** A closed poll's votes; an anonymous poll's voters become "voter 1", "voter 2"… in answer order, without times. */
export async function pollVotesCsv(db: Database, guildId: string, pollId: number): Promise<CsvFile> {
  const found = await getPoll(db, pollId);
  if (!found || found.poll.guildId !== guildId) {
    throw new UserError(`This server has no poll #${pollId}. Poll numbers are in each poll's footer.`);
  }
  if (!found.poll.closedAt) {
    throw new UserError(`Poll #${pollId} is still open. Export it once it has closed (or close it with /poll close).`);
  }
  const votes = await pollVoteRows(db, pollId);
  const question = found.poll.question;
  if (found.poll.anonymous) {
    return csv(
      `poll-${pollId}-votes.csv`,
      ["poll", "question", "voter", "answer_position", "answer"],
      votes.map((v, i) => [pollId, question, `voter ${i + 1}`, v.position + 1, v.answer]),
    );
  }
  return csv(
    `poll-${pollId}-votes.csv`,
    ["poll", "question", "user_id", "answer_position", "answer", "voted_at"],
    votes.map((v) => [pollId, question, v.userId, v.position + 1, v.answer, v.votedAt]),
  );
}

/** The server's prediction ledger: every scoring entry (points, corrections, reversals), oldest first. */
export async function predictionsCsv(db: Database, guildId: string): Promise<CsvFile> {
  const rows = await predictionLedgerRows(db, guildId);
  return csv(
    `predictions-${guildId}.csv`,
    ["user_id", "poll", "kind", "season", "week", "points", "reason", "at"],
    rows.map((r) => [r.userId, r.pollId, r.kind, r.season, r.week, r.points, r.reason, r.at]),
  );
}

/** A league's points, entry by entry, with each team and couple. */
export async function leagueCsv(db: Database, guildId: string, leagueId: number): Promise<CsvFile> {
  const league = await leagueOf(db, leagueId);
  if (!league || league.guildId !== guildId) throw new UserError(`This server has no league #${leagueId}.`);
  const rows = await leaguePointRows(db, leagueId);
  return csv(
    `league-${leagueId}-points.csv`,
    ["league", "team", "user_id", "couple", "week", "points", "reason", "at"],
    rows.map((r) => [league.name, r.team, r.userId, r.couple, r.week, r.points, r.reason, r.at]),
  );
}
