/** The league runtime's Discord side: draws a league's live message (src/commands/league/view.ts) and sends it. */
import type { LeagueBoard } from "../../leagues/runtime.js";
import type { Messenger } from "../../views/view.js";
import { leagueMessageView } from "./view.js";

export function leagueBoard(messenger: Messenger): LeagueBoard {
  return {
    post: (channelId, state) => messenger.send(channelId, leagueMessageView(state)),
    redraw: (channelId, messageId, state) => messenger.edit(channelId, messageId, leagueMessageView(state)),
    retire: (channelId, messageId, state) =>
      messenger.edit(channelId, messageId, { ...leagueMessageView(state), components: [] }),
  };
}
