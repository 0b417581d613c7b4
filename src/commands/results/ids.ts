import { customId, idPart } from "../../discord/customId.js";

/** /results' week buttons: season and week. */
export const resultsIds = { week: customId("rs", "", [idPart.count, idPart.count]) };
