import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import type { BotContext } from "../../context.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { setReminderRole } from "../../reminders/preferences.js";

/** /remind role: the opt-in role pinged with each weekly poll (Manage Server). */
export async function role(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  if (!interaction.inGuild()) throw new UserError("The ping role belongs to a server: run this inside one.");
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError("Only members with the Manage Server permission can choose the weekly poll ping role.");
  }
  const chosen = interaction.options.getRole("role");
  if (chosen && (chosen.id === interaction.guildId || chosen.managed)) {
    throw new UserError("Pick a role members can take themselves: not @everyone and not a bot's own role.");
  }
  await setReminderRole(ctx.db, interaction.guildId, chosen?.id ?? null, interaction.user.id);
  const content = chosen
    ? `📣 <@&${chosen.id}> will be pinged in the poll channel when the weekly poll is posted, and nobody else. Members add or drop it with the button under each ping or in /remind me.${chosen.mentionable ? "" : " The role is not mentionable: make it mentionable, or the ping will not reach them."}`
    : "The weekly poll no longer pings a role.";
  await respond(interaction, async () => ({ content, embeds: [], components: [] }), { ephemeral: true });
}
