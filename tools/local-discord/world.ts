/** The users, guilds, channels, roles and members the local Discord knows, and their API shapes. */
import {
  type APIDMChannel,
  type APIGuild,
  type APIGuildMember,
  type APIInteractionGuildMember,
  type APIRole,
  type APITextChannel,
  type APIUser,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  PermissionFlagsBits,
  type RoleFlags,
} from "discord.js";

/** Every permission bit Discord defines: what a guild owner or an Administrator effectively has. */
const ALL_PERMISSIONS = Object.values(PermissionFlagsBits).reduce((all, bit) => all | bit, 0n);

/** What @everyone may do in a new guild. */
const DEFAULT_EVERYONE_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands |
  PermissionFlagsBits.ChangeNickname |
  PermissionFlagsBits.CreateInstantInvite;

/** The bot's managed role when it was invited with the usual scopes. */
const DEFAULT_BOT_PERMISSIONS = DEFAULT_EVERYONE_PERMISSIONS | PermissionFlagsBits.ManageMessages;

/** A user given by id (already known), or by name (created on first use, with that id if given). */
export type UserRef = string | { id?: string; username: string; globalName?: string };

export interface ChannelInput {
  id?: string;
  name: string;
  topic?: string;
}

export interface GuildInput {
  id?: string;
  name: string;
  /** The owner: has every permission. Default: a new user "<name>-owner". */
  owner?: UserRef;
  /** Text channels; default one channel "general". The first is the guild's default channel. */
  channels?: ChannelInput[];
  preferredLocale?: string;
  everyonePermissions?: bigint;
  botPermissions?: bigint;
}

export interface MemberInput {
  user: UserRef;
  /** The member's effective permissions, overriding their roles'; default @everyone's plus their roles'. */
  permissions?: bigint;
  nick?: string;
  /** Ids of roles made with `addRole`. */
  roles?: string[];
}

export interface RoleInput {
  id?: string;
  name: string;
  /** What the role grants on top of @everyone. */
  permissions?: bigint;
  /** 0xRRGGBB; 0 shows the member in the default colour. */
  color?: number;
  /** Listed apart in the member list. */
  hoist?: boolean;
  /** Whether anyone may ping it; default false, as Discord makes roles. */
  mentionable?: boolean;
}

interface MemberState {
  userId: string;
  roles: string[];
  nick: string | null;
  joinedAt: string;
  permissions?: bigint;
}

/** A guild as the local Discord stores it. */
export interface GuildState {
  id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  joinedAt: string;
  everyoneRole: APIRole;
  botRole: APIRole;
  /** Roles made with `addRole`, highest last. */
  roles: APIRole[];
  channelIds: string[];
  members: Map<string, MemberState>;
}

/** What `addGuild` gives back: enough to aim interactions at the guild. */
export interface LocalGuild {
  id: string;
  name: string;
  ownerId: string;
  /** The first text channel: where interactions happen unless told otherwise. */
  defaultChannelId: string;
  channelIds: string[];
}

/** A text channel in a guild, or the DM channel between the bot and a user. */
export type ChannelState = { api: APITextChannel; guildId: string } | { api: APIDMChannel; guildId: null };

/** The local Discord's users, guilds, channels and members. */
export class World {
  private readonly users = new Map<string, APIUser>();
  private readonly guilds = new Map<string, GuildState>();
  private readonly channels = new Map<string, ChannelState>();
  private readonly dmChannels = new Map<string, string>();

  constructor(
    private readonly nextId: () => string,
    readonly botUser: APIUser,
    private readonly nextGuildId: () => string = nextId,
  ) {
    this.users.set(botUser.id, botUser);
  }

  /** Finds or creates a user; a name-only reference makes a new user each time it is not found by id. */
  user(ref: UserRef): APIUser {
    if (typeof ref === "string") {
      const known = this.users.get(ref);
      if (!known) throw new Error(`local-discord: unknown user ${ref}; pass { username } to create one`);
      return known;
    }
    const known = ref.id ? this.users.get(ref.id) : undefined;
    if (known) return known;
    const user: APIUser = {
      id: ref.id ?? this.nextId(),
      username: ref.username,
      discriminator: "0",
      global_name: ref.globalName ?? null,
      avatar: null,
      bot: false,
    };
    this.users.set(user.id, user);
    return user;
  }

  findUser(id: string): APIUser | undefined {
    return this.users.get(id);
  }

  addGuild(input: GuildInput): GuildState {
    const id = input.id ?? this.nextGuildId();
    if (this.guilds.has(id)) throw new Error(`local-discord: guild ${id} already exists`);
    const owner = this.user(input.owner ?? { username: `${input.name.toLowerCase().replace(/\W+/g, "-")}-owner` });
    const now = new Date().toISOString();
    const guild: GuildState = {
      id,
      name: input.name,
      ownerId: owner.id,
      preferredLocale: input.preferredLocale ?? "en-US",
      joinedAt: now,
      everyoneRole: role(id, "@everyone", input.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS, 0, false),
      botRole: role(this.nextId(), this.botUser.username, input.botPermissions ?? DEFAULT_BOT_PERMISSIONS, 1, true),
      roles: [],
      channelIds: [],
      members: new Map(),
    };
    this.guilds.set(id, guild);
    guild.members.set(owner.id, { userId: owner.id, roles: [], nick: null, joinedAt: now });
    guild.members.set(this.botUser.id, {
      userId: this.botUser.id,
      roles: [guild.botRole.id],
      nick: null,
      joinedAt: now,
    });
    for (const channel of input.channels ?? [{ name: "general" }]) this.addChannel(id, channel);
    return guild;
  }

  addChannel(guildId: string, input: ChannelInput): APITextChannel {
    const guild = this.guild(guildId);
    const channel: APITextChannel = {
      id: input.id ?? this.nextId(),
      type: ChannelType.GuildText,
      guild_id: guildId,
      name: input.name,
      position: guild.channelIds.length,
      permission_overwrites: [],
      parent_id: null,
      topic: input.topic ?? null,
      nsfw: false,
      last_message_id: null,
      rate_limit_per_user: 0,
    };
    this.channels.set(channel.id, { api: channel, guildId });
    guild.channelIds.push(channel.id);
    return channel;
  }

  /** Makes (or updates) a member; users referenced by interactions in a guild join it on first use. */
  addMember(guildId: string, input: MemberInput): APIUser {
    const guild = this.guild(guildId);
    const user = this.user(input.user);
    const existing = guild.members.get(user.id);
    for (const id of input.roles ?? []) {
      if (!guild.roles.some((r) => r.id === id)) throw new Error(`local-discord: unknown role ${id} in ${guildId}`);
    }
    guild.members.set(user.id, {
      userId: user.id,
      roles: input.roles ?? existing?.roles ?? [],
      nick: input.nick ?? existing?.nick ?? null,
      joinedAt: existing?.joinedAt ?? new Date().toISOString(),
      permissions: input.permissions ?? existing?.permissions,
    });
    return user;
  }

  /** Adds a role members can be given (`addMember({ roles })`); its permissions add to @everyone's. */
  addRole(guildId: string, input: RoleInput): APIRole {
    const guild = this.guild(guildId);
    const made = role(input.id ?? this.nextId(), input.name, input.permissions ?? 0n, guild.roles.length + 2, false);
    const color = input.color ?? 0;
    made.color = color;
    made.colors = { primary_color: color, secondary_color: null, tertiary_color: null };
    made.hoist = input.hoist ?? false;
    made.mentionable = input.mentionable ?? false;
    guild.roles.push(made);
    return made;
  }

  /** The member's role ids, changed in place by PUT/DELETE …/members/{user}/roles/{role} (see roles.ts). */
  memberRoles(guild: GuildState, userId: string): string[] {
    const member = guild.members.get(userId);
    if (!member) throw new Error(`local-discord: ${userId} is not a member of ${guild.id}`);
    return member.roles;
  }

  /** The guild's members, bot included. */
  members(guildId: string): APIGuildMember[] {
    const guild = this.guild(guildId);
    return [...guild.members.keys()].map((id) => this.member(guild, id));
  }

  /** The DM channel between the bot and a user, made on first use. */
  dmChannel(userId: string): APIDMChannel {
    let id = this.dmChannels.get(userId);
    if (!id) {
      id = this.nextId();
      const recipient = this.findUser(userId);
      if (!recipient) throw new Error(`local-discord: unknown user ${userId}`);
      this.channels.set(id, {
        api: { id, type: ChannelType.DM, name: null, last_message_id: null, recipients: [recipient] },
        guildId: null,
      });
      this.dmChannels.set(userId, id);
    }
    const { api } = this.channel(id);
    if (api.type !== ChannelType.DM) throw new Error(`local-discord: ${id} is not a DM channel`);
    return api;
  }

  guild(id: string): GuildState {
    const guild = this.guilds.get(id);
    if (!guild) throw new Error(`local-discord: unknown guild ${id}`);
    return guild;
  }

  findGuild(id: string): GuildState | undefined {
    return this.guilds.get(id);
  }

  allGuilds(): GuildState[] {
    return [...this.guilds.values()];
  }

  channel(id: string): ChannelState {
    const channel = this.channels.get(id);
    if (!channel) throw new Error(`local-discord: unknown channel ${id}`);
    return channel;
  }

  findChannel(id: string): ChannelState | undefined {
    return this.channels.get(id);
  }

  /** A member's effective permissions: owners and Administrators have all, others their roles' or the given set. */
  permissions(guild: GuildState, userId: string): bigint {
    if (userId === guild.ownerId) return ALL_PERMISSIONS;
    const member = guild.members.get(userId);
    let bits = member?.permissions ?? BigInt(guild.everyoneRole.permissions);
    if (member?.permissions === undefined) {
      for (const r of [guild.botRole, ...guild.roles]) if (member?.roles.includes(r.id)) bits |= BigInt(r.permissions);
    }
    return (bits & PermissionFlagsBits.Administrator) !== 0n ? ALL_PERMISSIONS : bits;
  }

  findRole(guild: GuildState, id: string): APIRole | undefined {
    return [guild.everyoneRole, guild.botRole, ...guild.roles].find((r) => r.id === id);
  }

  /** What the bot may do in a DM: Discord reports the usual text permissions there. */
  dmPermissions(): bigint {
    return DEFAULT_EVERYONE_PERMISSIONS;
  }

  member(guild: GuildState, userId: string): APIGuildMember {
    const state = guild.members.get(userId);
    if (!state) throw new Error(`local-discord: ${userId} is not a member of ${guild.id}`);
    return {
      user: this.user(userId),
      nick: state.nick,
      avatar: null,
      banner: null,
      roles: state.roles,
      joined_at: state.joinedAt,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
  }

  /** The member object an interaction carries: the member plus their computed permissions. */
  interactionMember(guild: GuildState, userId: string, permissions?: bigint): APIInteractionGuildMember {
    if (!guild.members.has(userId)) this.addMember(guild.id, { user: userId });
    return {
      ...this.member(guild, userId),
      user: this.user(userId),
      permissions: String(permissions ?? this.permissions(guild, userId)),
    };
  }

  /** The guild as GET /guilds/{id} returns it. */
  guildObject(guild: GuildState): APIGuild {
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      region: "",
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [guild.everyoneRole, guild.botRole, ...guild.roles],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: guild.channelIds[0] ?? null,
      system_channel_flags: 0 as GuildSystemChannelFlags,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500_000,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: guild.preferredLocale as APIGuild["preferred_locale"],
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      hub_type: null,
      safety_alerts_channel_id: null,
      incidents_data: null,
    };
  }

  /** The GUILD_CREATE the gateway sends for a guild: everything discord.js needs to cache it and its channels. */
  guildCreate(guild: GuildState): GatewayGuildCreateDispatchData {
    return {
      ...this.guildObject(guild),
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size,
      voice_states: [],
      members: [this.member(guild, this.botUser.id)],
      channels: guild.channelIds.flatMap((id) => {
        const { api } = this.channel(id);
        return api.type === ChannelType.GuildText ? [api] : [];
      }),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }
}

function role(id: string, name: string, permissions: bigint, position: number, managed: boolean): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: String(permissions),
    managed,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}
