/** The /remind panel, the reminder DMs (spoiler-safe) and the opt-in role's ping. */
import { type APIButtonComponentWithCustomId, ButtonStyle, ComponentType } from "discord-api-types/v10";
import { type ReminderKind, type ReminderMessage, reminderKinds, reminderLabels } from "../../reminders/kinds.js";
import { colors, plain } from "../../views/format.js";
import type { View } from "../../views/view.js";
import { remindIds } from "./ids.js";

const unix = (d: Date) => Math.floor(d.getTime() / 1000);

export function remindPanelView(input: {
  on: ReminderKind[];
  roleId: string | null;
  hasRole: boolean;
  dmClosedAt: Date | null;
  changed?: string;
}): View {
  const lines = [
    input.changed
      ? `✅ ${input.changed}`
      : "Choose what Mirrorball may DM you about from this server. Nothing else is sent.",
    "",
    ...reminderKinds.map((k) => `${input.on.includes(k) ? "🔔" : "🔕"} ${reminderLabels[k]}`),
  ];
  if (input.dmClosedAt) {
    lines.push(
      "",
      `⚠️ Your DMs refused a reminder <t:${unix(input.dmClosedAt)}:R>, so reminders are paused. Allow DMs from this server's members, then turn a reminder on again.`,
    );
  }
  if (input.roleId) {
    lines.push("", `📣 <@&${input.roleId}> is pinged in the poll channel when the weekly poll is posted.`);
  }
  const toggles = reminderKinds.map(
    (k): APIButtonComponentWithCustomId => ({
      type: ComponentType.Button,
      style: input.on.includes(k) ? ButtonStyle.Success : ButtonStyle.Secondary,
      label: reminderLabels[k],
      custom_id: remindIds.toggle.encode(k),
    }),
  );
  const rows: View["components"] = [{ type: ComponentType.ActionRow, components: toggles }];
  if (input.roleId) rows.push({ type: ComponentType.ActionRow, components: [roleButton(input.hasRole)] });
  return {
    embeds: [{ color: colors.info, title: "Your reminders", description: lines.join("\n") }],
    components: rows,
  };
}

function roleButton(hasRole: boolean): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style: hasRole ? ButtonStyle.Danger : ButtonStyle.Primary,
    label: hasRole ? "Stop the weekly poll pings" : "Ping me for the weekly poll",
    custom_id: remindIds.role.encode(),
  };
}

const stopRow = (guildId: string, kind: ReminderKind): View["components"] => [
  {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        label: "Stop this reminder",
        custom_id: remindIds.stop.encode(guildId, kind),
      },
    ],
  },
];

const from = (guildName: string | undefined) => (guildName ? ` in **${plain(guildName)}**` : "");

/**
 * A reminder DM. Results never appear in the first line (what notifications preview): the couple who went home is
 * behind spoiler bars, so a member who has not watched yet is not told by their phone.
 */
export function reminderDmView(guildId: string, guildName: string | undefined, message: ReminderMessage): View {
  const where = from(guildName);
  let content: string;
  switch (message.kind) {
    case "lock": {
      const poll =
        message.pollKind === "mirrorball" ? "Mirrorball pick" : `week ${message.week ?? "?"} elimination pick`;
      const link = message.pollMessage
        ? `\n${messageLink(guildId, message.pollMessage.channelId, message.pollMessage.messageId)}`
        : "";
      content = `⏰ Picks lock in 1 hour${where}: your ${poll} closes <t:${unix(message.closesAt)}:R>.${link}`;
      break;
    }
    case "showtime":
      content = `💃 The show starts in 15 minutes (<t:${unix(message.airAt)}:t>)${where}.`;
      break;
    case "pick":
      content = `📮 News about your season ${message.season} week ${message.week} pick${where}.\nWhen you are ready: ||${plain(message.couple)} went home that week.||`;
      break;
    case "results":
      content = `📣 Season ${message.season} week ${message.week}'s results are in. Run /results${where || " in the server"} when you have watched.`;
      break;
  }
  return { content, embeds: [], components: stopRow(guildId, message.kind) };
}

/** The opt-in role's ping for the weekly poll: the role and nobody else, with the button to drop it. */
export function rolePingView(input: { roleId: string; week: number | null; closesAt: Date; link: string }): View {
  return {
    content: `<@&${input.roleId}> The weekly poll is up: who goes home in week ${input.week ?? "?"}? Picks lock <t:${unix(input.closesAt)}:R>.\n${input.link}`,
    embeds: [],
    components: [
      {
        type: ComponentType.ActionRow,
        // One toggle: a member's roles are not known when the message is drawn for everyone.
        components: [{ ...roleButton(false), label: "Get or stop these pings" }],
      },
    ],
    pingRoleIds: [input.roleId],
  };
}

export const messageLink = (guildId: string, channelId: string, messageId: string) =>
  `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
