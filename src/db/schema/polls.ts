import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, primaryKey, serial, smallint, text, timestamp } from "drizzle-orm/pg-core";
import { couples, seasons } from "./show.js";

export const pollKinds = ["mirrorball", "elimination", "custom"] as const;
export type PollKind = (typeof pollKinds)[number];

/** A community poll in one channel: a prediction about the show (Mirrorball, elimination) or a custom question. */
export const polls = pgTable(
  "polls",
  {
    id: serial("id").primaryKey(),
    guildId: text("guild_id").notNull(),
    channelId: text("channel_id").notNull(),
    /** The public poll message; null between the insert and the first send. */
    messageId: text("message_id"),
    creatorId: text("creator_id").notNull(),
    kind: text("kind", { enum: pollKinds }).notNull(),
    question: text("question").notNull(),
    seasonId: integer("season_id").references(() => seasons.id, { onDelete: "set null" }),
    /** Elimination polls: the week voted on. Mirrorball polls: the week about to air when it opened (earliness). */
    week: smallint("week"),
    anonymous: boolean("anonymous").notNull().default(false),
    hideResults: boolean("hide_results").notNull().default(false),
    /** Set when the weekly schedule posted it. */
    scheduled: boolean("scheduled").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closesAt: timestamp("closes_at", { withTimezone: true }).notNull(),
    /** Set exactly once, by a conditional UPDATE, whichever process gets there first. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** "deadline" or the id of the member who ran /poll close. */
    closedBy: text("closed_by"),
    /** Scored from the show's recorded result (again after each correction of it). */
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** The results message was posted (a closing process that crashed leaves it null for another to finish). */
    announcedAt: timestamp("announced_at", { withTimezone: true }),
    announceLeaseUntil: timestamp("announce_lease_until", { withTimezone: true }),
    /** Last live-tally edit of the message, claimed in SQL so processes together edit it at most every ~2 s. */
    tallyEditedAt: timestamp("tally_edited_at", { withTimezone: true }),
  },
  (t) => [
    index("polls_open_deadline").on(t.closesAt).where(sql`${t.closedAt} is null`),
    index("polls_unannounced").on(t.closedAt).where(sql`${t.closedAt} is not null and ${t.announcedAt} is null`),
    index("polls_season_week").on(t.seasonId, t.week),
    index("polls_guild").on(t.guildId, t.createdAt),
  ],
);

/** The answers of a poll, by position (0-based); prediction answers point at a couple. */
export const pollOptions = pgTable(
  "poll_options",
  {
    pollId: integer("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    label: text("label").notNull(),
    coupleId: integer("couple_id").references(() => couples.id, { onDelete: "set null" }),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.position] })],
);

/** One vote per member per poll; a changed vote overwrites it (and its time) until the poll closes. */
export const pollVotes = pgTable(
  "poll_votes",
  {
    pollId: integer("poll_id")
      .notNull()
      .references(() => polls.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    position: smallint("position").notNull(),
    votedAt: timestamp("voted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.userId] })],
);

/**
 * Append-only scoring events: a member's points are the sum of their rows. Resolving a poll appends the difference
 * between what its voters should have and what they already hold, so a correction appends reversing entries.
 */
export const predictionLedger = pgTable(
  "prediction_ledger",
  {
    id: serial("id").primaryKey(),
    guildId: text("guild_id").notNull(),
    userId: text("user_id").notNull(),
    pollId: integer("poll_id")
      .notNull()
      .references(() => polls.id),
    points: integer("points").notNull(),
    /** "correct pick", "correction" or "reversal". */
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("prediction_ledger_guild_user").on(t.guildId, t.userId), index("prediction_ledger_poll").on(t.pollId)],
);

/** Per-server prediction and poll settings; a missing row means the defaults. */
export const pollSettings = pgTable("poll_settings", {
  guildId: text("guild_id").primaryKey(),
  /** A role whose members may create and close polls and change these settings, besides Manage Server. */
  managerRoleId: text("manager_role_id"),
  eliminationPoints: smallint("elimination_points").notNull().default(1),
  /** A correct Mirrorball pick made in week 1; one point less per later week, never below the floor. */
  mirrorballPoints: smallint("mirrorball_points").notNull().default(10),
  mirrorballFloor: smallint("mirrorball_floor").notNull().default(3),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A server's weekly show schedule: where and when the bot posts each week's elimination poll. */
export const pollSchedules = pgTable(
  "poll_schedules",
  {
    guildId: text("guild_id").primaryKey(),
    channelId: text("channel_id").notNull(),
    /** 0 = Sunday … 6 = Saturday, in `timeZone`. */
    weekday: smallint("weekday").notNull(),
    /** Air time "HH:MM" in `timeZone`. */
    airTime: text("air_time").notNull(),
    timeZone: text("time_zone").notNull(),
    /** How long before air time the poll is posted. */
    leadMinutes: integer("lead_minutes").notNull().default(1440),
    /** The season airing; null = the latest season in the database when posting. */
    season: integer("season"),
    /** The next air time the schedule will post for; moved on by whichever process posts. */
    nextAirAt: timestamp("next_air_at", { withTimezone: true }).notNull(),
    setBy: text("set_by").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("poll_schedules_next").on(t.nextAirAt)],
);
