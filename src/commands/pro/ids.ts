import { customId, idPart } from "../../discord/customId.js";

/** /pro's page buttons: the pro and the page. */
export const proIds = { page: customId("pro", "", [idPart.count, idPart.int]) };
