import { type ChatInputCommandInteraction, type Interaction, PermissionFlagsBits } from "discord.js";
import type { BotContext } from "../../context.js";
import { UserError } from "../../errors.js";
import { canManagePolls } from "../../polls/custom.js";
import { pollSettings } from "../../polls/settings.js";
import type { View } from "../../views/view.js";

export const text = (content: string): View => ({ content, embeds: [], components: [] });

export function guildOf(interaction: Interaction): string {
  if (!interaction.guildId) throw new UserError("Polls live in a server: run this in a server channel, not in DMs.");
  return interaction.guildId;
}

/** Manage Server, or the role the server chose for polls. */
export async function requireManager(
  interaction: ChatInputCommandInteraction,
  ctx: BotContext,
  what: string,
): Promise<void> {
  const settings = await pollSettings(ctx.db, guildOf(interaction));
  const roles = interaction.member?.roles;
  const roleIds = Array.isArray(roles) ? roles : roles ? [...roles.cache.keys()] : [];
  const manageGuild = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
  if (!canManagePolls({ manageGuild, roleIds }, settings.managerRoleId)) {
    const role = settings.managerRoleId ? ` or the <@&${settings.managerRoleId}> role` : "";
    throw new UserError(`Only members with Manage Server${role} can ${what}.`);
  }
}
