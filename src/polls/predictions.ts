/** The prediction leaderboard and a member's picks, as the /predictions command asks for them. */
import type { Database } from "../db/client.js";
import {
  findSeason,
  type PickHistory,
  type PredictionBoard,
  pickHistory,
  predictionBoard,
} from "../db/queries/polls/index.js";
import { UserError } from "../errors.js";

async function seasonId(db: Database, season: number | null): Promise<number | null> {
  if (season === null) return null;
  const found = await findSeason(db, season);
  if (!found) throw new UserError(`I have no season ${season}; leave season empty for every season.`);
  return found.id;
}

export interface BoardPage {
  board: PredictionBoard;
  /** The page shown: a page past the end (the board shrank since its button was drawn) shows the last one. */
  page: number;
}

export async function predictionStandings(
  db: Database,
  input: { guildId: string; season: number | null; page: number; pageSize: number; userId: string },
): Promise<BoardPage> {
  const query = { guildId: input.guildId, seasonId: await seasonId(db, input.season), userId: input.userId };
  const page = Math.max(0, input.page);
  const first = await predictionBoard(db, { ...query, limit: input.pageSize, offset: page * input.pageSize });
  const last = Math.max(0, Math.ceil(first.members / input.pageSize) - 1);
  if (page <= last) return { board: first, page };
  return {
    board: await predictionBoard(db, { ...query, limit: input.pageSize, offset: last * input.pageSize }),
    page: last,
  };
}

/** A member's latest picks and their points in all. */
export async function memberPicks(
  db: Database,
  input: { guildId: string; season: number | null; userId: string; limit: number },
): Promise<{ picks: PickHistory[]; points: number }> {
  const query = { guildId: input.guildId, userId: input.userId, seasonId: await seasonId(db, input.season) };
  const picks = await pickHistory(db, { ...query, limit: input.limit });
  const mine = await predictionBoard(db, { ...query, offset: 0, limit: 0 });
  return { picks, points: mine.me?.points ?? 0 };
}
