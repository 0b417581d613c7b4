import { createHash } from "node:crypto";
import { type REST, Routes } from "discord.js";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { botState } from "../db/schema.js";
import type { Logger } from "../logger.js";
import type { Command } from "./command.js";
import { commandDefinitions } from "./loadCommands.js";

export interface RegistrationOptions {
  db: Database;
  logger: Logger;
  /** Register to this guild only (instant, for development); otherwise globally. */
  guildId?: string | undefined;
  /** Register even when the definitions are unchanged (`npm run deploy`). */
  force?: boolean;
}

/**
 * Registers the commands with Discord, but only when their definitions changed since the last registration recorded
 * in the database, unless `force`. Returns whether it registered.
 */
export async function registerCommands(
  rest: REST,
  applicationId: string,
  commands: Map<string, Command>,
  options: RegistrationOptions,
): Promise<boolean> {
  const definitions = commandDefinitions(commands);
  const hash = createHash("sha256").update(JSON.stringify(definitions)).digest("hex");
  const scope = options.guildId ? `guild:${options.guildId}` : "global";
  const key = `commands:${applicationId}:${scope}`;
  const [state] = await options.db.select().from(botState).where(eq(botState.key, key));
  if (!options.force && state?.value === hash) {
    options.logger.debug({ scope }, "commands unchanged; not registering");
    return false;
  }
  const route = options.guildId
    ? Routes.applicationGuildCommands(applicationId, options.guildId)
    : Routes.applicationCommands(applicationId);
  await rest.put(route, { body: definitions });
  await options.db
    .insert(botState)
    .values({ key, value: hash })
    .onConflictDoUpdate({ target: botState.key, set: { value: hash, updatedAt: sql`now()` } });
  options.logger.info({ scope, count: definitions.length }, "registered commands");
  return true;
}
