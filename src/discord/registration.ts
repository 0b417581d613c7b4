import { createHash } from "node:crypto";
import { type REST, Routes } from "discord.js";
import type { Database } from "../db/client.js";
import { getBotState, setBotState } from "../db/queries/botState.js";
import { withAdvisoryLock } from "../db/queries/locks.js";
import type { Logger } from "../logger.js";
import type { Command } from "./command.js";
import { commandDefinitions } from "./loadCommands.js";

export interface RegistrationOptions {
  db: Database;
  logger: Logger;
  /** Register to this guild only (instant, for development); otherwise globally. */
  guildId?: string | undefined;
  /** The bot owners' server, where admin-scoped commands go; unset: admin commands are not registered. */
  adminGuildId?: string | undefined;
  /** Register even when the definitions are unchanged (`npm run deploy`). */
  force?: boolean;
}

/** Where each command goes: everyday commands to the dev guild (or globally), admin ones to the admin guild only. */
export function registrationTargets(
  commands: Map<string, Command>,
  options: Pick<RegistrationOptions, "guildId" | "adminGuildId">,
): { guildId: string | undefined; commands: Map<string, Command> }[] {
  const targets = new Map<string, { guildId: string | undefined; commands: Map<string, Command> }>();
  for (const [name, command] of commands) {
    const guildId = command.scope === "admin" ? options.adminGuildId : options.guildId;
    if (command.scope === "admin" && !guildId) continue;
    // One PUT per target: a guild that is both the dev and the admin guild gets both sets in one overwrite.
    const key = guildId ?? "global";
    const target = targets.get(key) ?? { guildId, commands: new Map() };
    target.commands.set(name, command);
    targets.set(key, target);
  }
  return [...targets.values()];
}

/**
 * Registers the commands with Discord, each target (global, dev guild, admin guild) only when its definitions changed
 * since the last registration recorded in the database, unless `force`. Returns whether it registered any.
 */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  commands: Map<string, Command>,
  options: RegistrationOptions,
): Promise<boolean> {
  let registered = false;
  for (const target of registrationTargets(commands, options)) {
    if (await registerTarget(rest, applicationId, target.commands, { ...options, guildId: target.guildId })) {
      registered = true;
    }
  }
  return registered;
}

async function registerTarget(
  rest: REST,
  applicationId: string,
  commands: Map<string, Command>,
  options: RegistrationOptions,
): Promise<boolean> {
  const definitions = commandDefinitions(commands);
  const hash = createHash("sha256").update(JSON.stringify(definitions)).digest("hex");
  const scope = options.guildId ? `guild:${options.guildId}` : "global";
  const key = `commands:${applicationId}:${scope}`;
  // Workers starting together: one registers, the others wait for it and then find the definitions unchanged.
  return withAdvisoryLock(options.db, key, async (db) => {
    if (!options.force && (await getBotState(db, key)) === hash) {
      options.logger.debug({ scope }, "commands unchanged; not registering");
      return false;
    }
    const route = options.guildId
      ? Routes.applicationGuildCommands(applicationId, options.guildId)
      : Routes.applicationCommands(applicationId);
    await rest.put(route, { body: definitions });
    await setBotState(db, key, hash);
    options.logger.info({ scope, count: definitions.length }, "registered commands");
    return true;
  });
}
