/** Application commands the bot registered, globally or per guild, and a log of every write. */
import { type APIApplicationCommand, type APIApplicationCommandOption, ApplicationCommandType } from "discord.js";

type Json = Record<string, unknown>;

/** One registration request the bot made. */
export interface CommandWrite {
  method: "PUT" | "POST" | "PATCH" | "DELETE";
  /** null for global commands. */
  guildId: string | null;
  /** Names of the commands the request touched. */
  names: string[];
  at: Date;
}

export class CommandStore {
  private readonly scopes = new Map<string, APIApplicationCommand[]>();
  readonly writes: CommandWrite[] = [];

  constructor(
    private readonly nextId: () => string,
    private readonly applicationId: string,
  ) {}

  list(guildId: string | null): APIApplicationCommand[] {
    return this.scopes.get(scopeKey(guildId)) ?? [];
  }

  /** The command a user would pick by name: a guild command shadows a global one of the same name. */
  find(
    guildId: string | null,
    name: string,
    type = ApplicationCommandType.ChatInput,
  ): APIApplicationCommand | undefined {
    const match = (c: APIApplicationCommand) => c.name === name && c.type === type;
    return (guildId ? this.list(guildId).find(match) : undefined) ?? this.list(null).find(match);
  }

  /** Bulk overwrite: commands keep their id when a command of the same type and name existed, like Discord. */
  put(guildId: string | null, bodies: Json[]): APIApplicationCommand[] {
    const previous = this.list(guildId);
    const next = bodies.map((body) => {
      const old = previous.find(
        (c) => c.name === body.name && c.type === (body.type ?? ApplicationCommandType.ChatInput),
      );
      return this.normalize(guildId, body, old);
    });
    this.scopes.set(scopeKey(guildId), next);
    this.log("PUT", guildId, next);
    return next;
  }

  /** Creates a command, or overwrites the one with the same type and name (then `created` is false). */
  create(guildId: string | null, body: Json): { command: APIApplicationCommand; created: boolean } {
    const commands = [...this.list(guildId)];
    const index = commands.findIndex(
      (c) => c.name === body.name && c.type === (body.type ?? ApplicationCommandType.ChatInput),
    );
    const command = this.normalize(guildId, body, commands[index]);
    if (index >= 0) commands[index] = command;
    else commands.push(command);
    this.scopes.set(scopeKey(guildId), commands);
    this.log("POST", guildId, [command]);
    return { command, created: index < 0 };
  }

  edit(guildId: string | null, id: string, body: Json): APIApplicationCommand | undefined {
    const commands = [...this.list(guildId)];
    const index = commands.findIndex((c) => c.id === id);
    const old = commands[index];
    if (!old) return undefined;
    const command = this.normalize(guildId, { ...old, ...body }, old);
    commands[index] = command;
    this.scopes.set(scopeKey(guildId), commands);
    this.log("PATCH", guildId, [command]);
    return command;
  }

  delete(guildId: string | null, id: string): boolean {
    const commands = this.list(guildId);
    const command = commands.find((c) => c.id === id);
    if (!command) return false;
    this.scopes.set(
      scopeKey(guildId),
      commands.filter((c) => c !== command),
    );
    this.log("DELETE", guildId, [command]);
    return true;
  }

  /** A command as Discord returns it: server-filled fields added, `required: false` dropped from options. */
  private normalize(guildId: string | null, body: Json, old: APIApplicationCommand | undefined): APIApplicationCommand {
    const type = (body.type as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
    const options = Array.isArray(body.options) ? (body.options as Json[]).map(normalizeOption) : undefined;
    const command = {
      id: old?.id ?? this.nextId(),
      application_id: this.applicationId,
      version: this.nextId(),
      default_member_permissions: (body.default_member_permissions as string | null | undefined) ?? null,
      type,
      name: body.name as string,
      ...(body.name_localizations ? { name_localizations: body.name_localizations } : {}),
      description: (body.description as string | undefined) ?? "",
      ...(body.description_localizations ? { description_localizations: body.description_localizations } : {}),
      ...(guildId ? { guild_id: guildId } : { dm_permission: body.dm_permission !== false }),
      ...(options && options.length > 0 ? { options } : {}),
      contexts: (body.contexts as APIApplicationCommand["contexts"]) ?? null,
      integration_types: (body.integration_types as APIApplicationCommand["integration_types"]) ?? [0],
      nsfw: body.nsfw === true,
    };
    return command as APIApplicationCommand;
  }

  private log(method: CommandWrite["method"], guildId: string | null, commands: APIApplicationCommand[]): void {
    this.writes.push({ method, guildId, names: commands.map((c) => c.name), at: new Date() });
  }
}

function scopeKey(guildId: string | null): string {
  return guildId ?? "global";
}

function normalizeOption(option: Json): APIApplicationCommandOption {
  const { required, options, ...rest } = option;
  return {
    ...rest,
    ...(required === true ? { required: true } : {}),
    ...(Array.isArray(options) ? { options: (options as Json[]).map(normalizeOption) } : {}),
  } as APIApplicationCommandOption;
}
