/**
 * Builds interaction payloads exactly as Discord sends them, from what a test says a user did. Anything a real user
 * could not do (an unregistered command, a missing required option, a disabled button) throws here, in the test.
 */
import { randomBytes } from "node:crypto";
import {
  type APIApplicationCommand,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIAttachment,
  type APIBaseInteraction,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIMessageComponentInteractionData,
  type APIModalSubmissionComponent,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  type Locale,
  PermissionFlagsBits,
} from "discord.js";
import { ATTACHMENT_SIZE_LIMIT } from "./body.js";
import type { CommandStore } from "./commands.js";
import type { InteractionKind } from "./interaction.js";
import { type AttachmentInput, contentTypeOf, extension, isAttachmentInput } from "./uploads.js";
import { checkUserInstallable, type ForeignPlace, foreignContext } from "./userInstall.js";
import type { GuildState, UserRef, World } from "./world.js";

/** Where and by whom an interaction happens; every field has a sensible default. */
export interface InteractionContextInput {
  /** The guild; default the first guild added. `null` means the bot's DM with the user. */
  guildId?: string | null;
  /** The channel; default the guild's first channel (ignored for DMs and components, which use the message's). */
  channelId?: string;
  /** Who acts; default the harness's default user. */
  user?: UserRef;
  /** The member's permissions for this interaction, overriding what their roles give (e.g. to test Manage Server). */
  memberPermissions?: bigint | string;
  locale?: Locale | `${Locale}`;
  /**
   * Used through the member's own install of the app in a server the bot is not in (see userInstall.ts); `guildId`
   * and `channelId` are then ignored.
   */
  elsewhere?: boolean;
}

export type OptionValue = string | number | boolean;

/** A slash command option's value: a file for an attachment option (type 11), else a string, number or boolean. */
export type SlashOptionValue = OptionValue | AttachmentInput;

/** A slash command: options by name (types come from the registered definition), or raw as Discord sends them. */
export interface SlashInput extends InteractionContextInput {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /**
   * By name, e.g. `{ week: 3 }` or `{ file: { filename: "season-35.json", bytes } }` for an attachment option (the
   * file is served by the local CDN, as Discord serves what users attach). Raw options cannot carry files.
   */
  options?: Record<string, SlashOptionValue> | APIApplicationCommandInteractionDataOption[];
}

/** Typing into an autocomplete option. */
export interface AutocompleteInput extends InteractionContextInput {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Values by name (the focused one's is the text typed so far), or raw options with one `focused: true`. */
  options: Record<string, OptionValue> | APIApplicationCommandInteractionDataOption[];
  /** With options by name: the option being typed in. */
  focused?: string;
}

export interface ComponentInput extends Omit<InteractionContextInput, "guildId" | "channelId"> {
  /** The message the component is on (its current state is used), or its id. */
  message: APIMessage | string;
  customId: string;
  /** Send `customId` as a button press although no component on the message carries it, as a modified client could. */
  forged?: boolean;
}

export interface SelectInput extends ComponentInput {
  /** Chosen option values (string select) or ids (user, role, mentionable, channel selects). */
  values: string[];
}

export interface ModalInput extends Omit<InteractionContextInput, "guildId" | "channelId"> {
  customId: string;
  /** Text input values (or chosen values of selects inside labels) by custom id. */
  fields: Record<string, string | string[]>;
}

/** An interaction ready to dispatch. */
export interface BuiltInteraction {
  kind: InteractionKind;
  payload: APIInteraction;
  label: string;
}

interface Where {
  guild: GuildState | undefined;
  /** A server the bot is not in (user-installed use). */
  foreign?: ForeignPlace;
  channelId: string;
  user: APIUser;
  permissions?: bigint;
  locale?: string;
}

type Base = Omit<APIBaseInteraction<InteractionType, never>, "type" | "data">;

/** What an option or select value names; option and component type numbers overlap, so each has its own map. */
type Mention = "user" | "role" | "channel" | "mentionable";

/**
 * Random bytes cut from a pool filled 64 KB at a time: one call into the system's generator per ~1,300 interaction
 * tokens instead of one per token (a storm's benchmark spent 3% of the local Discord's CPU in those calls).
 */
const randomPool = { bytes: Buffer.alloc(0), at: 0 };
function randomSlice(size: number): Buffer {
  if (randomPool.at + size > randomPool.bytes.length) {
    randomPool.bytes = randomBytes(64 * 1024);
    randomPool.at = 0;
  }
  randomPool.at += size;
  return randomPool.bytes.subarray(randomPool.at - size, randomPool.at);
}

const OPTION_MENTIONS: Partial<Record<ApplicationCommandOptionType, Mention>> = {
  [ApplicationCommandOptionType.User]: "user",
  [ApplicationCommandOptionType.Role]: "role",
  [ApplicationCommandOptionType.Channel]: "channel",
  [ApplicationCommandOptionType.Mentionable]: "mentionable",
};

const SELECT_MENTIONS: Partial<Record<ComponentType, Mention>> = {
  [ComponentType.UserSelect]: "user",
  [ComponentType.RoleSelect]: "role",
  [ComponentType.ChannelSelect]: "channel",
  [ComponentType.MentionableSelect]: "mentionable",
};

export class InteractionFactory {
  constructor(
    private readonly world: World,
    private readonly commands: CommandStore,
    private readonly nextId: () => string,
    private readonly applicationId: string,
    private readonly defaultUser: () => APIUser,
    /** Keeps a file a user attached in a channel and returns it as Discord resolves it (with its CDN url). */
    private readonly upload: (channelId: string, file: AttachmentInput) => APIAttachment,
    /** Told of the channel of a server the bot is not in, so REST calls to it are refused. */
    private readonly foreignChannel: (channelId: string) => void = () => {},
  ) {}

  private foreignPlace: ForeignPlace | undefined;

  slash(input: SlashInput): BuiltInteraction {
    const where = this.where(input);
    const command = this.command(where, input.name);
    const resolved: APIInteractionDataResolved = {};
    let options: APIApplicationCommandInteractionDataOption[];
    if (Array.isArray(input.options)) {
      options = input.options;
      this.resolveRaw(options, where, resolved);
    } else {
      options = this.options(command, { ...input, options: input.options }, where, resolved, undefined);
    }
    const payload = {
      ...this.base(where),
      type: InteractionType.ApplicationCommand,
      data: {
        id: command.id,
        name: command.name,
        type: ApplicationCommandType.ChatInput,
        ...(options.length > 0 ? { options } : {}),
        ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
        ...(command.guild_id ? { guild_id: command.guild_id } : {}),
      },
    };
    return { kind: "command", payload: payload as APIInteraction, label: `/${commandPath(input)}` };
  }

  autocomplete(input: AutocompleteInput): BuiltInteraction {
    const where = this.where(input);
    const command = this.command(where, input.name);
    let options: APIApplicationCommandInteractionDataOption[];
    let focused = input.focused;
    if (Array.isArray(input.options)) {
      options = input.options;
      focused = focusedName(options);
      if (!focused) throw new Error("local-discord: one raw autocomplete option needs focused: true");
    } else {
      if (!focused) throw new Error("local-discord: name the option being typed in with focused");
      options = this.options(command, { ...input, options: input.options }, where, {}, focused);
    }
    const payload = {
      ...this.base(where),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: {
        id: command.id,
        name: command.name,
        type: ApplicationCommandType.ChatInput,
        options,
        ...(command.guild_id ? { guild_id: command.guild_id } : {}),
      },
    };
    return {
      kind: "autocomplete",
      payload: payload as APIInteraction,
      label: `autocomplete /${commandPath(input)} ${focused}`,
    };
  }

  component(input: ComponentInput | SelectInput, message: APIMessage): BuiltInteraction {
    if (input.forged) {
      const data = { custom_id: input.customId, component_type: ComponentType.Button };
      const payload = {
        ...this.base(this.whereMessage(input, message)),
        type: InteractionType.MessageComponent,
        message,
        data,
      };
      return { kind: "component", payload: payload as APIInteraction, label: `forged button ${input.customId}` };
    }
    const component = findComponent(message.components ?? [], input.customId);
    if (!component) throw new Error(`local-discord: no component "${input.customId}" on message ${message.id}`);
    if (component.disabled === true) throw new Error(`local-discord: component "${input.customId}" is disabled`);
    const where = this.whereMessage(input, message);
    const type = component.type as ComponentType;
    let data: APIMessageComponentInteractionData;
    if (type === ComponentType.Button) {
      if ("values" in input) throw new Error(`local-discord: "${input.customId}" is a button; use click()`);
      if (component.style === 5 || component.style === 6)
        throw new Error(`local-discord: "${input.customId}" is not clickable`);
      data = { custom_id: input.customId, component_type: ComponentType.Button };
    } else {
      if (!("values" in input)) throw new Error(`local-discord: "${input.customId}" is a select menu; use select()`);
      const resolved = this.selectValues(component, input.values, where);
      data = {
        custom_id: input.customId,
        component_type: type,
        values: input.values,
        ...(resolved ? { resolved } : {}),
      } as APIMessageComponentInteractionData;
    }
    const payload = { ...this.base(where), type: InteractionType.MessageComponent, message, data };
    const label = `${type === ComponentType.Button ? "button" : "select"} ${input.customId}`;
    return { kind: "component", payload: payload as APIInteraction, label };
  }

  /** A modal submit answering the modal (callback data) a previous interaction showed. */
  modal(input: ModalInput, modal: Record<string, unknown>, trigger: APIInteraction): BuiltInteraction {
    const where =
      "message" in trigger && trigger.message
        ? this.whereMessage(input, trigger.message)
        : this.where({ ...input, guildId: trigger.guild_id ?? null, channelId: trigger.channel?.id });
    const used = new Set<string>();
    const field = (component: Record<string, unknown>) => {
      const customId = String(component.custom_id);
      const value = input.fields[customId];
      used.add(customId);
      if (value === undefined && component.required !== false) {
        throw new Error(`local-discord: modal field "${customId}" is required`);
      }
      if (component.type === ComponentType.TextInput) {
        return { type: ComponentType.TextInput, id: component.id, custom_id: customId, value: String(value ?? "") };
      }
      return { type: component.type, id: component.id, custom_id: customId, values: [value ?? []].flat() };
    };
    const components = (modal.components as Record<string, unknown>[]).map((row) => {
      if (row.type === ComponentType.ActionRow) {
        return { type: row.type, id: row.id, components: (row.components as Record<string, unknown>[]).map(field) };
      }
      if (row.type === ComponentType.Label)
        return { type: row.type, id: row.id, component: field(row.component as Record<string, unknown>) };
      return { type: row.type, id: row.id };
    }) as APIModalSubmissionComponent[];
    const unknown = Object.keys(input.fields).filter((id) => !used.has(id));
    if (unknown.length > 0) throw new Error(`local-discord: modal has no field(s) ${unknown.join(", ")}`);
    const payload = {
      ...this.base(where),
      type: InteractionType.ModalSubmit,
      ...("message" in trigger && trigger.message ? { message: trigger.message } : {}),
      data: { custom_id: input.customId, components },
    };
    return { kind: "modal", payload: payload as APIInteraction, label: `modal ${input.customId}` };
  }

  private where(input: InteractionContextInput): Where {
    const user = input.user === undefined ? this.defaultUser() : this.world.user(input.user);
    if (input.elsewhere) {
      if (!this.foreignPlace) {
        this.foreignPlace = { guildId: this.nextId(), channelId: this.nextId() };
        this.foreignChannel(this.foreignPlace.channelId);
      }
      return {
        guild: undefined,
        foreign: this.foreignPlace,
        channelId: this.foreignPlace.channelId,
        user,
        locale: input.locale,
      };
    }
    const guildId = input.guildId === undefined ? this.world.allGuilds()[0]?.id : input.guildId;
    const permissions = input.memberPermissions === undefined ? undefined : BigInt(input.memberPermissions);
    if (guildId === undefined) throw new Error("local-discord: add a guild first, or pass guildId: null for a DM");
    if (guildId === null) {
      return { guild: undefined, channelId: this.world.dmChannel(user.id).id, user, permissions, locale: input.locale };
    }
    const guild = this.world.guild(guildId);
    const channelId = input.channelId ?? guild.channelIds[0];
    if (!channelId || this.world.findChannel(channelId)?.guildId !== guild.id) {
      throw new Error(`local-discord: channel ${channelId} is not in guild ${guild.id}`);
    }
    if (!guild.members.has(user.id)) this.world.addMember(guild.id, { user: user.id });
    return { guild, channelId, user, permissions, locale: input.locale };
  }

  private whereMessage(input: Omit<InteractionContextInput, "guildId" | "channelId">, message: APIMessage): Where {
    const channel = this.world.channel(message.channel_id);
    return this.where({ ...input, guildId: channel.guildId, channelId: channel.guildId ? channel.api.id : undefined });
  }

  private base({ guild, foreign, channelId, user, permissions, locale }: Where): Base {
    const id = this.nextId();
    const userLocale = (locale ?? "en-US") as Locale;
    const common = {
      id,
      application_id: this.applicationId,
      token: Buffer.from(`interaction:${id}:${randomSlice(48).toString("base64url")}`).toString("base64url"),
      version: 1 as const,
      channel_id: channelId,
      locale: userLocale,
      entitlements: [],
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    };
    if (foreign) return { ...common, ...foreignContext(foreign, user, userLocale) } as unknown as Base;
    const channel = this.world.channel(channelId).api;
    if (!guild) {
      return {
        ...common,
        channel,
        user,
        app_permissions: String(this.world.dmPermissions()),
        authorizing_integration_owners: { [ApplicationIntegrationType.UserInstall]: user.id },
        context: InteractionContextType.BotDM,
      };
    }
    const member = this.world.interactionMember(guild, user.id, permissions);
    return {
      ...common,
      guild_id: guild.id,
      guild: { id: guild.id, locale: guild.preferredLocale as Locale, features: [] },
      guild_locale: guild.preferredLocale as Locale,
      // Discord adds the invoking member's permissions to the channel; the typings leave that field out.
      channel: { ...channel, permissions: member.permissions } as unknown as Base["channel"],
      member,
      app_permissions: String(this.world.permissions(guild, this.world.botUser.id)),
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
      context: InteractionContextType.Guild,
    };
  }

  /** The registered command the user picks, if the Discord client would offer it to them here. */
  private command(where: Where, name: string): APIApplicationCommand {
    const command = this.commands.find(where.guild?.id ?? null, name);
    if (command && where.foreign) {
      checkUserInstallable(command);
      return command;
    }
    if (command) {
      const context = where.guild ? InteractionContextType.Guild : InteractionContextType.BotDM;
      if (command.contexts && !command.contexts.includes(context)) {
        throw new Error(`local-discord: /${name} is not available in ${where.guild ? "guilds" : "DMs"}`);
      }
      const required = command.default_member_permissions;
      if (where.guild && required !== null && required !== undefined) {
        const has = where.permissions ?? this.world.permissions(where.guild, where.user.id);
        const allowed =
          (has & PermissionFlagsBits.Administrator) !== 0n || (has & BigInt(required)) === BigInt(required);
        if (!allowed) throw new Error(`local-discord: ${where.user.username} lacks the permissions to see /${name}`);
      }
      return command;
    }
    const known = [...(where.guild ? this.commands.list(where.guild.id) : []), ...this.commands.list(null)].map(
      (c) => c.name,
    );
    throw new Error(`local-discord: /${name} is not registered (registered: ${known.join(", ") || "none"})`);
  }

  /** Turns `{ name: value }` into Discord's option tree, checking it against the registered definition. */
  private options(
    command: APIApplicationCommand,
    input: { subcommandGroup?: string; subcommand?: string; options?: Record<string, SlashOptionValue> },
    where: Where,
    resolved: APIInteractionDataResolved,
    focused: string | undefined,
  ): APIApplicationCommandInteractionDataOption[] {
    let definitions = command.options ?? [];
    const wrap: { type: ApplicationCommandOptionType; name: string }[] = [];
    for (const [type, name] of [
      [ApplicationCommandOptionType.SubcommandGroup, input.subcommandGroup],
      [ApplicationCommandOptionType.Subcommand, input.subcommand],
    ] as const) {
      const nested = definitions.filter((o) => o.type === type);
      if (name === undefined) {
        if (nested.length > 0)
          throw new Error(
            `local-discord: /${command.name} needs ${optionKind(type)}: ${nested.map((o) => o.name).join(", ")}`,
          );
        continue;
      }
      const match = nested.find((o) => o.name === name);
      if (!match) throw new Error(`local-discord: /${command.name} has no ${optionKind(type)} "${name}"`);
      definitions = "options" in match ? (match.options ?? []) : [];
      wrap.push({ type, name });
    }
    const given = input.options ?? {};
    if (focused !== undefined && typeof given[focused] !== "string") {
      throw new Error(`local-discord: give the focused option "${focused}" its typed text in options`);
    }
    const leaves = Object.entries(given).map(([name, value]) => {
      const definition = definitions.find((o) => o.name === name);
      if (!definition)
        throw new Error(`local-discord: /${commandPath({ name: command.name, ...input })} has no option "${name}"`);
      if (name === focused) {
        if (!("autocomplete" in definition) || definition.autocomplete !== true) {
          throw new Error(`local-discord: option "${name}" does not have autocomplete`);
        }
        return { name, type: definition.type, value, focused: true } as APIApplicationCommandInteractionDataOption;
      }
      return this.option(definition, value, where, resolved);
    });
    if (focused === undefined) {
      const missing = definitions.filter((o) => "required" in o && o.required && !(o.name in given));
      if (missing.length > 0)
        throw new Error(`local-discord: missing required option(s) ${missing.map((o) => o.name).join(", ")}`);
    }
    return wrap.reduceRight<APIApplicationCommandInteractionDataOption[]>(
      (options, { type, name }) => [{ type, name, options } as APIApplicationCommandInteractionDataOption],
      leaves,
    );
  }

  private option(
    definition: APIApplicationCommandOption,
    value: SlashOptionValue,
    where: Where,
    resolved: APIInteractionDataResolved,
  ): APIApplicationCommandInteractionDataOption {
    const { name, type } = definition;
    if (type === ApplicationCommandOptionType.Attachment) return this.attachment(definition, value, where, resolved);
    const fail = (why: string): never => {
      const got = isAttachmentInput(value) ? `the file ${value.filename}` : JSON.stringify(value);
      throw new Error(`local-discord: option "${name}" ${why} (got ${got})`);
    };
    const expected: Partial<Record<ApplicationCommandOptionType, string>> = {
      [ApplicationCommandOptionType.String]: "string",
      [ApplicationCommandOptionType.Integer]: "number",
      [ApplicationCommandOptionType.Number]: "number",
      [ApplicationCommandOptionType.Boolean]: "boolean",
    };
    const kind = expected[type] ?? "string";
    if (typeof value !== kind) fail(`must be a ${kind}`);
    if (type === ApplicationCommandOptionType.Integer && !Number.isInteger(value)) fail("must be an integer");
    const spec = definition as {
      choices?: { value: unknown }[];
      min_value?: number;
      max_value?: number;
      min_length?: number;
      max_length?: number;
    };
    if (spec.choices && spec.choices.length > 0 && !spec.choices.some((c) => c.value === value))
      fail("must be one of its choices");
    if (typeof value === "number" && ((spec.min_value ?? -Infinity) > value || (spec.max_value ?? Infinity) < value))
      fail("is out of range");
    if (
      typeof value === "string" &&
      ((spec.min_length ?? 0) > value.length || (spec.max_length ?? 6000) < value.length)
    )
      fail("has a bad length");
    this.resolve(OPTION_MENTIONS[type], String(value), where, resolved);
    return { name, type, value } as APIApplicationCommandInteractionDataOption;
  }

  /** An attachment option: the file goes to the local CDN and into `resolved.attachments`; the value is its id. */
  private attachment(
    definition: APIApplicationCommandOption,
    value: SlashOptionValue,
    where: Where,
    resolved: APIInteractionDataResolved,
  ): APIApplicationCommandInteractionDataOption {
    const { name, type } = definition;
    if (!isAttachmentInput(value)) {
      throw new Error(
        `local-discord: option "${name}" is an attachment: give it { filename, bytes } (got ${JSON.stringify(value)})`,
      );
    }
    const size = typeof value.bytes === "string" ? Buffer.byteLength(value.bytes) : value.bytes.length;
    // The Discord client refuses these before anything is sent.
    if (size > ATTACHMENT_SIZE_LIMIT) {
      throw new Error(
        `local-discord: ${value.filename} is ${size} bytes; users cannot upload over ${ATTACHMENT_SIZE_LIMIT}`,
      );
    }
    const fileTypes = (definition as { file_types?: string[] }).file_types ?? [];
    if (fileTypes.length > 0 && !fileTypes.some((t) => acceptsFile(t, value))) {
      throw new Error(
        `local-discord: option "${name}" takes only ${fileTypes.join(", ")} files, not ${value.filename}`,
      );
    }
    const attachment = this.upload(where.channelId, value);
    resolved.attachments = { ...resolved.attachments, [attachment.id]: attachment };
    return { name, type, value: attachment.id } as APIApplicationCommandInteractionDataOption;
  }

  /** Raw options may name users, channels or roles too: resolve those the way Discord does. */
  private resolveRaw(
    options: APIApplicationCommandInteractionDataOption[],
    where: Where,
    resolved: APIInteractionDataResolved,
  ): void {
    for (const option of options) {
      if (option.type === ApplicationCommandOptionType.Attachment) {
        throw new Error(
          `local-discord: raw option "${option.name}" cannot carry a file; give options by name, e.g. { ${option.name}: { filename, bytes } }`,
        );
      }
      if ("options" in option && option.options) this.resolveRaw(option.options, where, resolved);
      else if ("value" in option) this.resolve(OPTION_MENTIONS[option.type], String(option.value), where, resolved);
    }
  }

  /** Adds the user/member, channel or role an option or select value names to `resolved`. */
  private resolve(kind: Mention | undefined, id: string, where: Where, resolved: APIInteractionDataResolved): void {
    const role = where.guild ? this.world.findRole(where.guild, id) : undefined;
    if (kind === "role" || (kind === "mentionable" && role)) {
      if (!role) throw new Error(`local-discord: unknown role ${id}`);
      resolved.roles = { ...resolved.roles, [id]: role };
    } else if (kind === "user" || kind === "mentionable") {
      const user = this.world.user(id);
      resolved.users = { ...resolved.users, [id]: user };
      if (where.guild) {
        const { user: _user, ...member } = this.world.interactionMember(where.guild, id);
        resolved.members = { ...resolved.members, [id]: member };
      }
    } else if (kind === "channel") {
      const channel = this.world.findChannel(id);
      if (!channel || channel.api.type === ChannelType.DM)
        throw new Error(`local-discord: unknown guild channel ${id}`);
      const permissions = where.guild ? String(this.world.permissions(where.guild, where.user.id)) : "0";
      // A resolved channel carries the member's permissions in it, which the channel typings do not have.
      resolved.channels = { ...resolved.channels, [id]: { ...channel.api, permissions } as never };
    }
  }

  /** Checks the chosen values against the select; for user/role/channel selects returns what they resolve to. */
  private selectValues(
    component: Record<string, unknown>,
    values: string[],
    where: Where,
  ): APIInteractionDataResolved | undefined {
    const min = typeof component.min_values === "number" ? component.min_values : 1;
    const max = typeof component.max_values === "number" ? component.max_values : 1;
    if (values.length < min || values.length > max) {
      throw new Error(
        `local-discord: select "${String(component.custom_id)}" takes ${min}..${max} values, got ${values.length}`,
      );
    }
    if (component.type === ComponentType.StringSelect) {
      const allowed = ((component.options ?? []) as { value: string }[]).map((o) => o.value);
      const bad = values.filter((v) => !allowed.includes(v));
      if (bad.length > 0)
        throw new Error(`local-discord: select "${String(component.custom_id)}" has no option(s) ${bad.join(", ")}`);
      return undefined;
    }
    const resolved: APIInteractionDataResolved = {};
    const kind = SELECT_MENTIONS[component.type as ComponentType];
    for (const value of values) this.resolve(kind, value, where, resolved);
    return resolved;
  }
}

/** Finds a component by custom id anywhere in a message (rows, containers, sections' accessories). */
function findComponent(components: unknown[], customId: string): Record<string, unknown> | undefined {
  for (const component of components as Record<string, unknown>[]) {
    if (component.custom_id === customId) return component;
    const children = [
      ...((component.components as unknown[] | undefined) ?? []),
      ...(component.accessory ? [component.accessory] : []),
    ];
    const found = findComponent(children, customId);
    if (found) return found;
  }
  return undefined;
}

/** Whether an attachment option's `file_types` entry ("image", "audio", "video" or ".ext") admits the file. */
function acceptsFile(fileType: string, file: AttachmentInput): boolean {
  if (fileType.startsWith(".")) return extension(file.filename) === fileType.slice(1).toLowerCase();
  return (contentTypeOf(file) ?? "").startsWith(`${fileType}/`);
}

/** The name of the option marked `focused` anywhere in a raw option tree. */
function focusedName(options: APIApplicationCommandInteractionDataOption[]): string | undefined {
  for (const option of options) {
    if ("focused" in option && option.focused) return option.name;
    const nested = "options" in option && option.options ? focusedName(option.options) : undefined;
    if (nested) return nested;
  }
  return undefined;
}

function commandPath(input: { name: string; subcommandGroup?: string; subcommand?: string }): string {
  return [input.name, input.subcommandGroup, input.subcommand].filter(Boolean).join(" ");
}

function optionKind(type: ApplicationCommandOptionType): string {
  return type === ApplicationCommandOptionType.SubcommandGroup ? "a subcommand group" : "a subcommand";
}
