import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Small key-value facts the bot keeps about itself (the hash of the last registered commands). */
export const botState = pgTable("bot_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
