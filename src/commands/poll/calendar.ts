import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import type { Database } from "../../db/client.js";
import { calendarNotice } from "../../reminders/calendar.js";

/** The weekly schedule's line about the server calendar; the missing permission is named once, privately. */
export async function calendarLine(interaction: ChatInputCommandInteraction, db: Database, guildId: string) {
  const can = interaction.appPermissions?.has(PermissionFlagsBits.ManageEvents) ?? false;
  switch (await calendarNotice(db, guildId, can)) {
    case "on":
      return "\n📅 Each upcoming episode I know of goes on the server's calendar, and moves with this schedule.";
    case "missing":
      return "\n📅 To put each episode on the server's calendar, give my role the **Manage Events** permission (Server Settings → Roles).";
    default:
      return "";
  }
}
