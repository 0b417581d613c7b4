/** The server's opt-in role, pinged once in the poll channel when the weekly poll is posted. */

import { messageLink, rolePingView } from "../commands/remind/view.js";
import type { Database } from "../db/client.js";
import { claimRolePings, markRolePinged } from "../db/queries/reminders/index.js";
import type { Logger } from "../logger.js";
import type { Messenger } from "../views/view.js";

/** Only weekly polls posted this recently are pinged: a role set later never pings for an old poll. */
const pingWindowMs = 60 * 60_000;

export async function pingOptInRoles(db: Database, messenger: Messenger, logger: Logger, now: Date): Promise<void> {
  for (const ping of await claimRolePings(db, new Date(now.getTime() - pingWindowMs))) {
    if (!ping.messageId) continue;
    const view = rolePingView({
      roleId: ping.roleId,
      week: ping.week,
      closesAt: ping.closesAt,
      link: messageLink(ping.guildId, ping.channelId, ping.messageId),
    });
    try {
      await markRolePinged(db, ping.pollId, await messenger.send(ping.channelId, view));
    } catch (error) {
      // Claimed either way: a ping that failed is not repeated.
      logger.warn({ err: error, guildId: ping.guildId, pollId: ping.pollId }, "could not ping the opt-in role");
    }
  }
}
