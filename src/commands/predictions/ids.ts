import { z } from "zod";
import { customId, idPart } from "../../discord/customId.js";

/** /predictions leaderboard's page buttons: season (0 = every season) and page; "next" keeps the two ids apart. */
export const predictionsIds = {
  page: customId("pr", "", [idPart.count, idPart.int]),
  nextPage: customId("pr", "", [idPart.count, idPart.int, z.literal("next")]),
};
