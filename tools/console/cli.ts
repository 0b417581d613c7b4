import { pino } from "pino";
import { ConfigError } from "../../src/config.js";
import { InputError, slashInput } from "../playground/options.js";
import { ids, startSession } from "../playground/session.js";
import { parseCommandLine, type RenderableMessage, renderMessage } from "./render.js";

/**
 * `npm run console -- '/leaderboard season:32 week:11'`: runs one command through the same path as in a server (the
 * local Discord, the real client, the database), set up by the playground's own session, and prints the reply as
 * text, or the raw payloads with --json.
 */
async function main(argv: string[]): Promise<void> {
  const json = argv.includes("--json");
  const line = argv.filter((a) => a !== "--json").join(" ");
  if (!line.trim())
    throw new ConfigError("Give a command, for example: npm run console -- '/leaderboard season:32 week:11'");
  const typed = parseCommandLine(line);

  const logger = pino({ level: process.env.LOG_LEVEL === "debug" ? "debug" : "warn" });
  const session = await startSession({ logger });
  const { discord } = session;
  try {
    // The console acts as Olive: she owns the fans' server (so Manage Server commands work) and, as a bot owner,
    // runs /admin in the owners' server.
    const user = ids.olive;
    const inOwners = !discord.visibleCommands(ids.fans, user).some((c) => c.name === typed.name);
    const guildId = inOwners ? ids.owners : ids.fans;
    const channelId = inOwners ? ids.admin : ids.general;
    const input = slashInput(discord.visibleCommands(guildId, user), typed);
    const ix = await discord.slash({ ...input, user, guildId, channelId });
    await ix.settled({ idleMs: 300 });
    if (json) {
      process.stdout.write(
        `${JSON.stringify(
          ix.responses.map((r) => ({ kind: r.kind, status: r.status, body: r.body })),
          null,
          2,
        )}\n`,
      );
    } else {
      // The reply, then anything the command posted to the channel besides it (a poll, for example).
      const replies = [ix.finalMessage(), ...ix.followUps].filter((m) => m !== undefined);
      const posts = discord.channelMessages(channelId).filter((m) => !replies.some((r) => r.id === m.id));
      for (const message of replies) process.stdout.write(`${renderMessage(message as RenderableMessage)}\n\n`);
      for (const message of posts) {
        process.stdout.write(`(posted in the channel)\n${renderMessage(message as RenderableMessage)}\n\n`);
      }
    }
    for (const v of discord.violations) process.stderr.write(`Discord would reject: ${JSON.stringify(v)}\n`);
  } finally {
    await session.stop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  // What the user typed was wrong (a config problem, or something Discord itself would not let them send): one line.
  const message = error instanceof Error ? error.message : String(error);
  const typed = error instanceof ConfigError || error instanceof InputError || message.startsWith("local-discord:");
  process.stderr.write(
    `${typed ? message.replace(/^local-discord: /, "") : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
