/** The season feed's Discord side: its change sets in the owners' channel (ADMIN_CHANNEL_ID), drawn by feedView.ts. */
import type { FeedBoard } from "../../feed/job.js";
import type { Messenger } from "../../views/view.js";
import { feedChangeView } from "./feedView.js";

export function feedBoard(messenger: Messenger, channelId: string | undefined): FeedBoard {
  return {
    async review(change) {
      if (!channelId) return null;
      return messenger.send(channelId, feedChangeView(change));
    },
    async applied(change, outcome) {
      if (!channelId) return;
      await messenger.send(
        channelId,
        feedChangeView(change, { kind: "applied", by: "feed", revision: outcome.revision }),
      );
    },
    async superseded(change) {
      if (!channelId || !change.messageId) return;
      await messenger.edit(channelId, change.messageId, feedChangeView(change, { kind: "superseded" }));
    },
  };
}
