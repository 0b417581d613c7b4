import { type Client, Events } from "discord.js";
import type { BotContext } from "../context.js";
import type { Command } from "../discord/command.js";
import { registerCommands } from "../discord/registration.js";

/** Once connected: register the commands if their definitions changed. */
export function ready(commands: Map<string, Command>, ctx: BotContext) {
  return {
    name: Events.ClientReady as const,
    once: true,
    async execute(client: Client<true>): Promise<void> {
      ctx.logger.info({ user: client.user.tag, guilds: client.guilds.cache.size }, "connected to Discord");
      try {
        await registerCommands(client.rest, client.application.id, commands, {
          db: ctx.db,
          guildId: ctx.config.DEV_GUILD_ID,
          adminGuildId: ctx.config.ADMIN_GUILD_ID,
          logger: ctx.logger,
        });
      } catch (error) {
        ctx.logger.error({ err: error }, "could not register commands; run `npm run deploy` to retry");
      }
    },
  };
}
