/**
 * Commands used through a member's own install of the app (integration type 1) in a server the bot is not in: the
 * interaction carries the server and channel ids, the member, `authorizing_integration_owners: { "1": user }` and
 * `context: 0`, but the bot cannot see that channel, so only interaction responses work there (REST calls to the
 * channel answer 50001 Missing Access; see dm.ts).
 */
import {
  type APIApplicationCommand,
  type APIUser,
  ApplicationIntegrationType,
  ChannelType,
  type GuildMemberFlags,
  InteractionContextType,
  type Locale,
  PermissionFlagsBits,
} from "discord.js";

/** What Discord lets an app do in a channel it is not a member of: answer its own interactions, with embeds and files. */
export const externalAppPermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.UseExternalEmojis;

export interface ForeignPlace {
  guildId: string;
  channelId: string;
}

/** The parts of an interaction payload that say where a user-installed command was used. */
export function foreignContext(place: ForeignPlace, user: APIUser, locale: Locale) {
  const permissions = String(PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages);
  return {
    guild_id: place.guildId,
    guild: { id: place.guildId, locale, features: [] },
    guild_locale: locale,
    channel: {
      id: place.channelId,
      type: ChannelType.GuildText,
      guild_id: place.guildId,
      name: "elsewhere",
      permissions,
    },
    member: {
      user,
      nick: null,
      avatar: null,
      roles: [],
      joined_at: new Date(0).toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
      permissions,
    },
    app_permissions: String(externalAppPermissions),
    authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: user.id },
    context: InteractionContextType.Guild,
  };
}

/** Throws, as the Discord client would not offer it, unless the command is user-installable and allowed in servers. */
export function checkUserInstallable(command: APIApplicationCommand): void {
  const types = command.integration_types ?? [ApplicationIntegrationType.GuildInstall];
  if (!types.includes(ApplicationIntegrationType.UserInstall)) {
    throw new Error(`local-discord: /${command.name} cannot be installed to a user account`);
  }
  if (command.contexts && !command.contexts.includes(InteractionContextType.Guild)) {
    throw new Error(`local-discord: /${command.name} is not available in servers`);
  }
}
