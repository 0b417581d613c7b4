/**
 * The seasons' facts in memory. A season's scores, casts and results do not change until an owner edits them, so
 * each lookup over them (a week's leaderboard, a couple's card, a pro's career…) is computed from the database once
 * and then answered from memory. Every change to season data moves the data version (src/admin/live.ts); the
 * process that made the change forgets everything at once, and the others are told by the database's LISTEN/NOTIFY
 * within milliseconds (and by the 5-second version check, should a notification be lost). What was being computed
 * while the data changed is not kept.
 */
import type { Database } from "../db/client.js";

/** Most remembered answers; far above what the seasons hold (a few thousand weeks, couples and people). */
const maxEntries = 20_000;

export class SeasonStore {
  private entries = new Map<string, Promise<unknown>>();
  private generation = 0;

  /** The answer for `key`, computed once with `build` until the data changes; failures are not kept. */
  remember<T>(key: string, build: () => Promise<T>): Promise<T> {
    const known = this.entries.get(key);
    if (known) return known as Promise<T>;
    const generation = this.generation;
    const pending = build();
    if (this.entries.size >= maxEntries) this.entries.clear();
    this.entries.set(key, pending);
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    // Built from data read before a change that landed meanwhile: answer the callers waiting, keep nothing.
    void pending.then(
      () => {
        if (generation !== this.generation && this.entries.get(key) === pending) this.entries.delete(key);
      },
      () => {},
    );
    return pending;
  }

  /** The season data changed: every remembered answer goes. */
  forget(): void {
    this.generation++;
    this.entries = new Map();
  }

  get size(): number {
    return this.entries.size;
  }
}

// One store per database: tests open many databases in one process, and their data must never mix.
const stores = new WeakMap<Database, SeasonStore>();

export function seasonStore(db: Database): SeasonStore {
  let store = stores.get(db);
  if (!store) {
    store = new SeasonStore();
    stores.set(db, store);
  }
  return store;
}

/** Forgets every remembered answer about this database's seasons (after an owner's change or a reseed). */
export function forgetSeasons(db: Database): void {
  seasonStore(db).forget();
}

/**
 * A lookup over season data, answered from memory after its first call with the same arguments. The arguments must
 * be plain values (numbers, strings, null) that say everything the answer depends on.
 */
export function remembered<A extends readonly (string | number | boolean | null | undefined)[], T>(
  name: string,
  lookup: (db: Database, ...args: A) => Promise<T>,
): (db: Database, ...args: A) => Promise<T> {
  return (db, ...args) => seasonStore(db).remember(`${name}:${args.map(String).join(":")}`, () => lookup(db, ...args));
}
