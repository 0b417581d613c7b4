/** Raw `db.execute` answers rows as an array on postgres.js and as `{ rows }` on PGlite: one shape for callers. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** Timestamps from raw SQL: Date on both drivers, but a string if a driver ever parses less. */
export function asDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}
