import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";

const dialect = new PgDialect();

/**
 * `db.execute` for a hot statement whose text never changes: named, so postgres.js prepares it once per connection
 * and then sends only Bind/Execute (one round trip, no parse or plan), where an unnamed statement costs a Describe
 * round trip and a parse every time. Same result shape as `db.execute`; on PGlite the name changes nothing.
 * Only for fixed text: every distinct text stays prepared on its connection.
 */
export function executeNamed(db: Database, name: string, query: SQL): Promise<unknown> {
  return db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false).execute();
}
