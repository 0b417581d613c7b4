import {
  type ChatInputCommandInteraction,
  DiscordAPIError,
  type Interaction,
  MessageFlags,
  RESTJSONErrorCodes,
  Routes,
} from "discord.js";
import type { BotContext } from "../../context.js";
import type { ComponentInteraction } from "../../discord/command.js";
import { respond } from "../../discord/respond.js";
import { UserError } from "../../errors.js";
import { reminderLabels } from "../../reminders/kinds.js";
import { reminderChoices, stopReminder, toggleReminder } from "../../reminders/preferences.js";
import { remindIds } from "./ids.js";
import { remindPanelView } from "./view.js";

function guildOf(interaction: Interaction): string {
  if (!interaction.guildId) throw new UserError("Reminders belong to a server: run /remind me inside one.");
  return interaction.guildId;
}

function hasRole(interaction: Interaction, roleId: string | null): boolean {
  if (!roleId) return false;
  const roles = interaction.member?.roles;
  return Array.isArray(roles) ? roles.includes(roleId) : (roles?.cache.has(roleId) ?? false);
}

async function panel(interaction: Interaction, ctx: BotContext, changed?: string) {
  const choices = await reminderChoices(ctx.db, guildOf(interaction), interaction.user.id);
  return remindPanelView({ ...choices, hasRole: hasRole(interaction, choices.roleId), changed });
}

/** /remind me: the member's own choices, privately. */
export async function me(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await respond(interaction, () => panel(interaction, ctx), { ephemeral: true });
}

/** The panel's toggles, a DM's "Stop this reminder", and the opt-in role's button. */
export async function onButton(interaction: ComponentInteraction, ctx: BotContext): Promise<void> {
  const id = interaction.customId;
  const toggle = remindIds.toggle.decode(id);
  if (toggle) {
    const [kind] = toggle;
    const on = await toggleReminder(ctx.db, guildOf(interaction), interaction.user.id, kind);
    const changed = `${reminderLabels[kind]}: ${on ? "on, by DM" : "off"}.`;
    await respond(interaction, () => panel(interaction, ctx, changed), { update: true });
    return;
  }
  const stop = remindIds.stop.decode(id);
  if (stop) {
    const [guildId, kind] = stop;
    await stopReminder(ctx.db, guildId, interaction.user.id, kind);
    const content = `🔕 Stopped: "${reminderLabels[kind]}". Turn it back on with /remind me in that server.`;
    await respond(interaction, async () => ({ content, embeds: [], components: [] }), { ephemeral: true });
    return;
  }
  if (remindIds.role.decode(id)) {
    await toggleRole(interaction, ctx);
    return;
  }
  throw new UserError("That button is from an older version of /remind. Run /remind me again.");
}

async function toggleRole(interaction: ComponentInteraction, ctx: BotContext): Promise<void> {
  const guildId = guildOf(interaction);
  const { roleId } = await reminderChoices(ctx.db, guildId, interaction.user.id);
  if (!roleId) throw new UserError("This server has no weekly poll ping role any more.");
  const had = hasRole(interaction, roleId);
  const route = Routes.guildMemberRole(guildId, interaction.user.id, roleId);
  try {
    await (had ? interaction.client.rest.delete(route) : interaction.client.rest.put(route));
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingPermissions) {
      throw new UserError(
        `I cannot hand out <@&${roleId}>: a moderator needs to give me Manage Roles and put my role above it.`,
      );
    }
    throw error;
  }
  const changed = had
    ? `You will no longer be pinged for the weekly poll.`
    : `You will be pinged (<@&${roleId}>) when the weekly poll is posted.`;
  // On the private panel the panel changes; on the public ping message only the presser is told.
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) {
    const choices = await reminderChoices(ctx.db, guildId, interaction.user.id);
    await respond(interaction, async () => remindPanelView({ ...choices, hasRole: !had, changed }), { update: true });
    return;
  }
  await respond(interaction, async () => ({ content: changed, embeds: [], components: [] }), { ephemeral: true });
}
