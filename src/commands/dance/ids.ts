import { z } from "zod";
import { customId, idPart } from "../../discord/customId.js";

/** /dance's page buttons: season (0 = every season), page, and the style folded ("argentine tango"). */
export const danceIds = {
  page: customId("dn", "", [idPart.count, idPart.int, z.string().regex(/^[\p{L}\p{N} ]{1,80}$/u)]),
};
