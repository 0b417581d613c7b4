import { customId, idPart } from "../../discord/customId.js";

/** /couple's page buttons: the couple and the page, so they redraw after a restart. */
export const coupleIds = { page: customId("cp", "", [idPart.count, idPart.int]) };
