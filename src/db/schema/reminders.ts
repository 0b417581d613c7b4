import { index, integer, pgTable, primaryKey, smallint, text, timestamp } from "drizzle-orm/pg-core";

/**
 * What a member can ask to be reminded of by DM: picks lock in 1 hour, the show starts in 15 minutes, their pick went
 * home, this week's results are in.
 */
export const reminderKinds = ["lock", "showtime", "pick", "results"] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** One member's opt-in to one kind of reminder in one server; no row, no DM, ever. */
export const reminderSubscriptions = pgTable(
  "reminder_subscriptions",
  {
    guildId: text("guild_id").notNull(),
    userId: text("user_id").notNull(),
    kind: text("kind", { enum: reminderKinds }).notNull(),
    /** Only what happens after this is reminded of: opting in never brings old news. */
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId, t.kind] }), index("reminder_subscriptions_kind").on(t.kind)],
);

/**
 * A member whose DMs refused us (Discord's 50007): no reminder is tried again until they opt in again, so a closed
 * inbox is never retried in a loop.
 */
export const reminderDmFailures = pgTable("reminder_dm_failures", {
  userId: text("user_id").primaryKey(),
  code: integer("code"),
  failedAt: timestamp("failed_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per reminder per member and occasion ("poll:12", "air:2026-12-02T01:00:00.000Z", "results:35:4"), inserted
 * before the DM is sent: the insert is the claim, so each reminder goes at most once across processes and restarts.
 */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    guildId: text("guild_id").notNull(),
    userId: text("user_id").notNull(),
    kind: text("kind", { enum: reminderKinds }).notNull(),
    occasion: text("occasion").notNull(),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    /** Discord's error code when the DM failed (50007: the member does not accept DMs from us). */
    failureCode: integer("failure_code"),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.userId, t.kind, t.occasion] })],
);

/** A server's opt-in role, pinged in the poll channel when the weekly poll is posted. */
export const reminderRoles = pgTable("reminder_roles", {
  guildId: text("guild_id").primaryKey(),
  roleId: text("role_id").notNull(),
  setBy: text("set_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The opt-in role's ping for one weekly poll, claimed once across processes. */
export const reminderRolePings = pgTable("reminder_role_pings", {
  pollId: integer("poll_id").primaryKey(),
  guildId: text("guild_id").notNull(),
  claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
  messageId: text("message_id"),
});

/** An episode on a server's calendar: the Discord scheduled event made for one week of the airing season. */
export const episodeEvents = pgTable(
  "episode_events",
  {
    guildId: text("guild_id").notNull(),
    season: integer("season").notNull(),
    week: smallint("week").notNull(),
    /** Null while the process that claimed the row creates the event. */
    eventId: text("event_id"),
    name: text("name").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    /** When the claim was taken: a claim older than a minute without an event is taken over. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.guildId, t.season, t.week] })],
);

/**
 * A server's calendar without Manage Events: `noticedAt` when /poll schedule said so privately (once), `blockedUntil`
 * when Discord refused a change, so no process tries again before then (or before the permission is seen again).
 */
export const calendarNotices = pgTable("calendar_notices", {
  guildId: text("guild_id").primaryKey(),
  noticedAt: timestamp("noticed_at", { withTimezone: true }),
  blockedUntil: timestamp("blocked_until", { withTimezone: true }),
});
