import { customId, idPart } from "../../discord/customId.js";

/** /help's page buttons. */
export const helpIds = { page: customId("hp", "", [idPart.int]) };
