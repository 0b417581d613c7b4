import type { ChatInputCommandInteraction } from "discord.js";
import type { BotContext } from "../../context.js";
import { deleteSchedule, saveSchedule } from "../../db/queries/polls/index.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { canonicalTimeZone, formatAirTime, nextAirTime, parseAirTime } from "../../polls/schedule.js";
import { scheduleLine } from "../predictions/view.js";
import { guildOf, requireManager, text } from "./access.js";
import { calendarLine } from "./calendar.js";

/** /poll schedule and /poll unschedule: the weekly elimination poll, posted before each show. */
export async function schedule(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildOf(interaction);
  await requireManager(interaction, ctx, "change the weekly polls");
  if (interaction.options.getSubcommand() === "unschedule") {
    const removed = await deleteSchedule(ctx.db, guildId);
    await respond(interaction, async () => text(removed ? "Weekly polls are off." : "There was no weekly schedule."), {
      ephemeral: true,
    });
    return;
  }
  const timeZone = canonicalTimeZone(interaction.options.getString("timezone", true));
  if (!timeZone)
    throw new UserError(
      "That is not a time zone I know. Use an IANA name such as `America/New_York` or `Europe/London`.",
    );
  const minutes = parseAirTime(interaction.options.getString("time", true));
  if (minutes === null) throw new UserError("Write the air time as 20:00 or 8pm.");
  const weekday = interaction.options.getInteger("day", true);
  const row = {
    guildId,
    channelId: interaction.options.getChannel("channel", true).id,
    weekday,
    airTime: formatAirTime(minutes),
    timeZone,
    leadMinutes: Math.round((interaction.options.getNumber("hours-before") ?? 24) * 60),
    season: interaction.options.getInteger("season"),
    nextAirAt: nextAirTime(new Date(), weekday, minutes, timeZone),
    setBy: interaction.user.id,
  };
  await saveSchedule(ctx.db, row);
  const calendar = await calendarLine(interaction, ctx.db, guildId);
  await respond(interaction, async () => text(scheduleLine({ ...row, updatedAt: new Date() }) + calendar), {
    ephemeral: true,
  });
}
