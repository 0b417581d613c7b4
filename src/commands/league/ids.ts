import { customId, idPart } from "../../discord/customId.js";

/** The buttons and menu of a league's message; each carries the league (and the turn), so it survives restarts. */
export const leagueIds = {
  join: customId("lg", "join", [idPart.count]),
  start: customId("lg", "start", [idPart.count]),
  /** The draft or waiver menu of one turn: a menu left from an earlier turn decodes but is refused as stale. */
  pick: customId("lg", "pick", [idPart.count, idPart.count]),
  /** Waivers: keep the empty slot this turn. */
  keep: customId("lg", "keep", [idPart.count, idPart.count]),
} as const;
