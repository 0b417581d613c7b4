import { z } from "zod";
import { customId, idPart } from "../../discord/customId.js";

/**
 * /leaderboard's buttons carry everything needed to redraw, so they work after a restart: season, week and page;
 * a season button carries the week shown, and the other season lands on its nearest week.
 */
export const leaderboardIds = {
  week: customId("lb", "", [idPart.count, idPart.count, idPart.int]),
  page: customId("lb", "", [idPart.count, idPart.count, idPart.int, z.literal("page")]),
  season: customId("lb", "", [idPart.count, idPart.count, idPart.int, z.literal("season")]),
};
