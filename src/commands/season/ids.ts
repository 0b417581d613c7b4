import { customId, idPart } from "../../discord/customId.js";

/** /season's neighbour buttons. */
export const seasonIds = { season: customId("sn", "", [idPart.count]) };
