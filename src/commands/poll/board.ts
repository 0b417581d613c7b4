/** The poll service's Discord side: draws a poll's messages (src/commands/poll/view.ts) and sends them. */
import type { PollBoard } from "../../polls/service.js";
import type { Messenger } from "../../views/view.js";
import { pollMessageView, pollResultsView } from "./view.js";

export function pollBoard(messenger: Messenger): PollBoard {
  return {
    post: (poll, result) => messenger.send(poll.channelId, pollMessageView(poll, result)),
    redraw: (poll, result) => messenger.edit(poll.channelId, poll.messageId, pollMessageView(poll, result)),
    async announce({ poll, result, voters, correctPicks }) {
      const outcome =
        correctPicks === null
          ? undefined
          : `Scored from the recorded result: ${correctPicks} correct pick${correctPicks === 1 ? "" : "s"}.`;
      await messenger.send(poll.channelId, await pollResultsView({ poll, result, voters, outcome }));
    },
  };
}
