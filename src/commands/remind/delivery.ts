/** The reminder jobs' Discord side: draws each reminder DM and the opt-in role's ping (./view.ts) and sends them. */
import type { DirectMessenger } from "../../discord/directMessenger.js";
import type { ReminderDms, RolePinger } from "../../reminders/delivery.js";
import type { Messenger } from "../../views/view.js";
import { messageLink, reminderDmView, rolePingView } from "./view.js";

export function reminderDms(dms: DirectMessenger): ReminderDms {
  return ({ guildId, userId, message }) => dms.send(userId, reminderDmView(guildId, dms.guildName(guildId), message));
}

export function rolePinger(messenger: Messenger): RolePinger {
  return (ping) =>
    messenger.send(
      ping.channelId,
      rolePingView({
        roleId: ping.roleId,
        week: ping.week,
        closesAt: ping.closesAt,
        link: messageLink(ping.guildId, ping.channelId, ping.pollMessageId),
      }),
    );
}
