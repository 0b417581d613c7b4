/**
 * `npm start`. With DISCORD_TOKEN set: the bot on Discord, exactly as src/index.ts runs it. Without one: the
 * playground, the same bot against the local Discord with a web page to use it, whose address is the last line.
 */
import { pino } from "pino";
import { loadConfig } from "../src/config.js";
import { exitOnStartError, main } from "../src/index.js";

async function start(): Promise<void> {
  const config = loadConfig();
  if (config.DISCORD_TOKEN) return main(config);

  const startedAt = performance.now();
  // The bot's own log lines would bury the address; warnings and errors still show (LOG_LEVEL chooses otherwise).
  const logger = pino({ level: process.env.LOG_LEVEL || "warn", base: undefined });
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say("No DISCORD_TOKEN: starting the playground, the real bot against a local Discord in your browser.");
  say(
    config.DATABASE_URL
      ? "Database: DATABASE_URL."
      : `Database: ${config.PGLITE_DIR} (the first run loads every season into it).`,
  );
  const { startPlayground } = await import("./playground/index.js");
  const playground = await startPlayground({ logger, port: config.PLAYGROUND_PORT });
  const stop = async () => {
    await playground.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  say(`Ready in ${((performance.now() - startedAt) / 1000).toFixed(1)} s. Ctrl+C stops it. Open the playground:`);
  say(playground.url);
}

start().catch(exitOnStartError);
