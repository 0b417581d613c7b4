import { pgTable, smallint, text, timestamp } from "drizzle-orm/pg-core";

/** What a server chose for the lookups: how long the newest week's results stay behind spoiler markup. */
export const guildSettings = pgTable("guild_settings", {
  guildId: text("guild_id").primaryKey(),
  /** Hours after a week airs during which /results hides who went home; 0 turns the guard off. */
  spoilerHours: smallint("spoiler_hours").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
