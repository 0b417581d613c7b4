/** The database's own LISTEN/NOTIFY, on either driver: how one bot process tells the others that data changed. */
import type { Database } from "./client.js";

/**
 * The channel the database's own triggers (drizzle/0004_job_wakeups.sql) notify when a change brings background work
 * closer; the payload is the table's name (`polls`, `poll_schedules`, `leagues`, `bot_state`, `night_posts`), a job's
 * `wakeOn` topic.
 */
export const jobsChannel = "mirrorball_jobs";

type PostgresJsClient = ((...args: never[]) => unknown) & {
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onListen?: () => void,
  ): Promise<{ unlisten(): Promise<void> }>;
};
type PgliteClient = {
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
};

/**
 * Calls `onNotify` with each NOTIFY payload on `channel`. `onListen` runs each time the subscription is (re)made: a
 * PostgreSQL connection that dropped may have missed notifications meanwhile. Resolves with the unsubscribe.
 */
export async function listen(
  db: Database,
  channel: string,
  onNotify: (payload: string) => void,
  onListen: () => void = () => {},
): Promise<() => Promise<void>> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (typeof client === "function" && "listen" in client) {
    const subscription = await (client as PostgresJsClient).listen(channel, onNotify, onListen);
    return () => subscription.unlisten();
  }
  if (client && typeof client === "object" && "listen" in client) {
    const unsubscribe = await (client as PgliteClient).listen(channel, onNotify);
    onListen();
    return () => unsubscribe();
  }
  return async () => {};
}
