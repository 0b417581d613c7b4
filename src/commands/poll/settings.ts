import { type ChatInputCommandInteraction, PermissionFlagsBits } from "discord.js";
import type { BotContext } from "../../context.js";
import { getSchedule } from "../../db/queries/polls/index.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { changePollSettings, pollSettings } from "../../polls/settings.js";
import { pollSettingsView } from "../predictions/view.js";
import { guildOf, requireManager } from "./access.js";

function optionalInt(interaction: ChatInputCommandInteraction, option: string, key: string): Record<string, number> {
  const value = interaction.options.getInteger(option);
  return value === null ? {} : { [key]: value };
}

/** /poll settings: shows the server's prediction settings, or changes the ones given. */
export async function settings(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildOf(interaction);
  const role = interaction.options.getRole("manager-role");
  const clearRole = interaction.options.getBoolean("clear-manager-role") ?? false;
  const changes = {
    ...(role ? { managerRoleId: role.id } : clearRole ? { managerRoleId: null } : {}),
    ...optionalInt(interaction, "elimination-points", "eliminationPoints"),
    ...optionalInt(interaction, "mirrorball-points", "mirrorballPoints"),
    ...optionalInt(interaction, "mirrorball-floor", "mirrorballFloor"),
  };
  if (Object.keys(changes).length > 0) await requireManager(interaction, ctx, "change poll settings");
  // Who counts as a poll manager is Manage Server's call alone, so the role cannot grant itself.
  if ("managerRoleId" in changes && !interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
    throw new UserError("Only members with Manage Server can choose the poll manager role.");
  }
  await respond(
    interaction,
    async () => {
      const current = Object.keys(changes).length
        ? await changePollSettings(ctx.db, guildId, changes)
        : await pollSettings(ctx.db, guildId);
      return pollSettingsView(current, await getSchedule(ctx.db, guildId));
    },
    { ephemeral: true },
  );
}
