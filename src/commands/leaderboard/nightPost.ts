/** The night's leaderboard in a server's results channel, posted by the live season's job (src/admin/live.ts). */
import type { NightPoster } from "../../admin/live.js";
import type { Messenger } from "../../views/view.js";
import { leaderboardView } from "./view.js";

export function nightPoster(messenger: Messenger): NightPoster {
  return (channelId, board) =>
    messenger.send(channelId, {
      // A channel post has no navigation: its buttons would move the one message under everyone's eyes.
      ...leaderboardView(board, 0),
      components: [],
      content: `Season ${board.sheet.season} week ${board.sheet.week}: the judges' scores are in.`,
    });
}
