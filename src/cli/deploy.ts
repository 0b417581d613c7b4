import { REST, Routes } from "discord.js";
import { ConfigError, loadConfig, requireToken } from "../config.js";
import { openDatabase } from "../db/client.js";
import { loadCommands } from "../discord/loadCommands.js";
import { registerCommands } from "../discord/registration.js";
import { logger } from "../logger.js";

/** `npm run deploy`: registers the commands now, whether or not they changed. */
async function main(): Promise<void> {
  const config = loadConfig();
  const rest = new REST({ api: config.DISCORD_API_URL }).setToken(requireToken(config));
  const app = (await rest.get(Routes.currentApplication())) as { id: string };
  const database = await openDatabase({ url: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
  try {
    await database.migrate();
    await registerCommands(rest, app.id, await loadCommands(), {
      db: database.db,
      logger,
      guildId: config.DEV_GUILD_ID,
      adminGuildId: config.ADMIN_GUILD_ID,
      force: true,
    });
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else logger.fatal({ err: error }, "could not register the commands");
  process.exit(1);
});
