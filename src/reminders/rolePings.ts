/** The server's opt-in role, pinged once in the poll channel when the weekly poll is posted. */

import type { Database } from "../db/client.js";
import { claimRolePings, markRolePinged } from "../db/queries/reminders/index.js";
import type { Logger } from "../logger.js";
import type { RolePinger } from "./delivery.js";

/** Only weekly polls posted this recently are pinged: a role set later never pings for an old poll. */
const pingWindowMs = 60 * 60_000;

export async function pingOptInRoles(db: Database, pingRole: RolePinger, logger: Logger, now: Date): Promise<void> {
  for (const ping of await claimRolePings(db, new Date(now.getTime() - pingWindowMs))) {
    if (!ping.messageId) continue;
    try {
      const messageId = await pingRole({
        guildId: ping.guildId,
        channelId: ping.channelId,
        roleId: ping.roleId,
        week: ping.week,
        closesAt: ping.closesAt,
        pollMessageId: ping.messageId,
      });
      await markRolePinged(db, ping.pollId, messageId);
    } catch (error) {
      // Claimed either way: a ping that failed is not repeated.
      logger.warn({ err: error, guildId: ping.guildId, pollId: ping.pollId }, "could not ping the opt-in role");
    }
  }
}
