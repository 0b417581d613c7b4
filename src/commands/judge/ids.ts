import { customId, idPart } from "../../discord/customId.js";

/** /judge's page buttons: the judge and the page. */
export const judgeIds = { page: customId("jd", "", [idPart.count, idPart.int]) };
