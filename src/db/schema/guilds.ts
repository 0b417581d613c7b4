import { index, integer, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";

/** What a server chose for the lookups: how long the newest week's results stay behind spoiler markup. */
export const guildSettings = pgTable("guild_settings", {
  guildId: text("guild_id").primaryKey(),
  /** Hours after a week airs during which /results hides who went home; 0 turns the guard off. */
  spoilerHours: smallint("spoiler_hours").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Where a server wants the night's leaderboard posted once its scores are complete. */
export const resultsChannels = pgTable("results_channels", {
  guildId: text("guild_id").primaryKey(),
  channelId: text("channel_id").notNull(),
  setBy: text("set_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One leaderboard post per server and night: due when scores are complete (later while the spoiler guard holds). */
export const nightPosts = pgTable(
  "night_posts",
  {
    guildId: text("guild_id").notNull(),
    channelId: text("channel_id").notNull(),
    franchise: text("franchise").notNull().default("dwts-us"),
    season: integer("season").notNull(),
    week: smallint("week").notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    /** Claimed by whichever process posts it first. */
    postedAt: timestamp("posted_at", { withTimezone: true }),
    messageId: text("message_id"),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.franchise, t.season, t.week] }), index("night_posts_due").on(t.dueAt)],
);
