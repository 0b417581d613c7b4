import type { Config } from "../config.js";

/**
 * Why this person may not run an admin command here, as the sentence they will read; null when they may.
 * Only the bot owners, only in the admin server (so a season's edits never happen in front of a fan server).
 */
export function adminRefusal(
  config: Pick<Config, "BOT_OWNER_IDS" | "ADMIN_GUILD_ID">,
  who: { guildId: string | null; user: { id: string } },
): string | null {
  if (!config.BOT_OWNER_IDS.includes(who.user.id)) {
    return "Only the bot's owners can change the show's records. Ask one of them, or use /leaderboard and /results to look things up.";
  }
  if (!config.ADMIN_GUILD_ID) {
    return "Admin commands are turned off: set ADMIN_GUILD_ID to the owners' server in the bot's .env and restart it.";
  }
  if (who.guildId !== config.ADMIN_GUILD_ID) {
    return "Admin commands work only in the bot owners' admin server (ADMIN_GUILD_ID); run them there.";
  }
  return null;
}
