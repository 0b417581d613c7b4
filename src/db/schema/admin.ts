import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import type { SeasonFile } from "../../data/seasonFile.js";

/**
 * The authoritative season document of each season the bot owners run from Discord or imported: every admin edit
 * changes this document, which is validated and loaded exactly like a file in data/seasons.
 */
export const liveSeasons = pgTable(
  "live_seasons",
  {
    franchise: text("franchise").notNull().default("dwts-us"),
    season: integer("season").notNull(),
    document: jsonb("document").$type<SeasonFile>().notNull(),
    /** Counts the changes; shown in the audit log. */
    revision: integer("revision").notNull().default(1),
    /** False while the season has no couples yet: it is kept here but not loaded. */
    loaded: boolean("loaded").notNull().default(true),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.franchise, t.season] })],
);

/** Who changed what and when: one row per admin change or import, never updated. */
export const adminAudit = pgTable(
  "admin_audit",
  {
    id: serial("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: text("user_id").notNull(),
    franchise: text("franchise").notNull().default("dwts-us"),
    season: integer("season").notNull(),
    revision: integer("revision").notNull(),
    /** "season", "couple", "dance", "scores", "eliminate", "import", … */
    action: text("action").notNull(),
    summary: text("summary").notNull(),
    /** What changed, line by line, as the dry run showed it. */
    changes: jsonb("changes").$type<string[]>().notNull().default([]),
  },
  (t) => [index("admin_audit_season").on(t.franchise, t.season, t.at)],
);

/** An imported file waiting for its owner to press Confirm; the button carries only the short id. */
export const pendingImports = pgTable("pending_imports", {
  id: text("id").primaryKey(),
  fileName: text("file_name").notNull(),
  document: jsonb("document").$type<SeasonFile>().notNull(),
  /** The live revision the dry run was computed against; a change in between makes the import stale. */
  baseRevision: integer("base_revision").notNull().default(0),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What a revision of a season's Wikipedia article would change (the season feed), waiting for an owner's Apply or
 * Skip, or applied by itself in `auto`. One row per revision that brought news; a newer revision supersedes the
 * waiting one, and applying takes the row in the change's own transaction, so it is applied once.
 */
export const feedChanges = pgTable(
  "feed_changes",
  {
    id: serial("id").primaryKey(),
    franchise: text("franchise").notNull().default("dwts-us"),
    season: integer("season").notNull(),
    revid: bigint("revid", { mode: "number" }).notNull(),
    link: text("link").notNull(),
    /** The season's recorded revision the change was read against; a change in between makes it stale. */
    baseRevision: integer("base_revision").notNull(),
    document: jsonb("document").$type<SeasonFile>().notNull(),
    changes: jsonb("changes").$type<string[]>().notNull(),
    /** Why it must wait for an owner even in `auto` (vandalism, a mistake); empty when nothing looks wrong. */
    holds: jsonb("holds").$type<string[]>().notNull().default([]),
    /** "pending", "applied", "skipped" or "superseded". */
    status: text("status").notNull().default("pending"),
    /** The review message in the owners' channel. */
    messageId: text("message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text("decided_by"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [index("feed_changes_season").on(t.franchise, t.season, t.status)],
);
