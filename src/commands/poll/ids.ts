import { customId, idPart } from "../../discord/customId.js";

/** A vote: the poll and, for buttons, the answer's position (a select menu carries it in its value). */
export const pollIds = {
  voteMenu: customId("pv", "", [idPart.count]),
  voteButton: customId("pv", "", [idPart.count, idPart.count]),
};
