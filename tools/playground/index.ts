/** The playground: the real bot against the local Discord, and a web page to use it as several members. */
import type { Database } from "../../src/db/client.js";
import type { Logger } from "../../src/logger.js";
import { FastForwardClock, type LocalDiscordOptions } from "../local-discord/index.js";
import { PlaygroundClock } from "./clock.js";
import { PlaygroundServer } from "./server.js";
import { type Session, startSession } from "./session.js";

export { ids, members, servers } from "./session.js";

export interface PlaygroundOptions {
  logger: Logger;
  /** The port to try first (then the next free one); 0 for any free port. */
  port: number;
  env?: NodeJS.ProcessEnv;
  /** Options for the local Discord (tests). */
  discord?: LocalDiscordOptions;
  /** A database to use instead of DATABASE_URL / PGLITE_DIR (tests). */
  database?: { db: Database; kind: "pglite" | "postgres" };
  /**
   * Start the clock at this instant instead of now (tests that must pass whenever they run); the page shows times on
   * the playground's clock, not the browser's.
   */
  clockStartsAt?: Date;
}

export interface Playground {
  url: string;
  session: Session;
  clock: PlaygroundClock;
  stop(): Promise<void>;
}

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  // Installed first, so the local Discord, the bot and the embedded database all run on the clock the page moves.
  const time = FastForwardClock.install({ startsAt: options.clockStartsAt });
  let session: Session;
  try {
    session = await startSession({
      logger: options.logger,
      env: options.env,
      database: options.database,
      discord: options.discord,
    });
  } catch (error) {
    time.uninstall();
    throw error;
  }
  const clock = new PlaygroundClock(session.db, session.engine, time, () => session.bot.jobs.wake());
  const server = new PlaygroundServer({ session, feed: session.feed, clock, port: options.port });
  try {
    const url = await server.listen();
    return {
      url,
      session,
      clock,
      async stop() {
        await server.close();
        await session.stop();
        time.uninstall();
      },
    };
  } catch (error) {
    await session.stop();
    time.uninstall();
    throw error;
  }
}
