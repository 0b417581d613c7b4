import { sql } from "drizzle-orm";
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { couples, seasons } from "./show.js";

export const leagueStatuses = ["open", "drafting", "active", "waivers", "finished"] as const;
export type LeagueStatus = (typeof leagueStatuses)[number];

/**
 * A fantasy league of one server on one season: members join, snake-draft the couples, and score from the judges'
 * marks. One live message in `channelId` shows it (join list, draft room, waivers).
 */
export const leagues = pgTable(
  "leagues",
  {
    id: serial("id").primaryKey(),
    guildId: text("guild_id").notNull(),
    channelId: text("channel_id").notNull(),
    /** The league's live message; null between the insert and the first send. */
    messageId: text("message_id"),
    creatorId: text("creator_id").notNull(),
    name: text("name").notNull(),
    seasonId: integer("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    /** "replay": a season already decided, released week by week by its owner; "live": weeks count as results land. */
    mode: text("mode", { enum: ["live", "replay"] }).notNull(),
    status: text("status", { enum: leagueStatuses }).notNull().default("open"),
    teamSize: smallint("team_size").notNull(),
    pickSeconds: integer("pick_seconds").notNull(),
    /** The scoring rules (see src/leagues/scoring.ts); changeable only while the league is open. */
    rules: jsonb("rules").$type<Record<string, number>>().notNull(),
    /** The next turn (0-based pick number: the draft's picks, then each waiver turn); moved only by a stored pick. */
    turn: integer("turn").notNull().default(0),
    /** When the team on the clock runs out of time; null when nobody is on the clock. */
    clockEndsAt: timestamp("clock_ends_at", { withTimezone: true }),
    /** Waivers: the teams in claim order and the turn of the first claim. */
    waiverOrder: jsonb("waiver_order").$type<number[]>().notNull().default([]),
    waiverStart: integer("waiver_start"),
    waiverWeek: smallint("waiver_week"),
    /** Weeks scored so far: a replay's owner moves it; a live league follows the recorded results. */
    releasedWeek: smallint("released_week").notNull().default(0),
    /** The show-data version last scored from, so a correction anywhere re-scores once across processes. */
    scoredVersion: text("scored_version"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("leagues_guild").on(t.guildId, t.createdAt),
    index("leagues_clock").on(t.clockEndsAt).where(sql`${t.clockEndsAt} is not null`),
  ],
);

/** A member's team in a league; the draft position is set when the draft starts (join order). */
export const leagueTeams = pgTable(
  "league_teams",
  {
    id: serial("id").primaryKey(),
    leagueId: integer("league_id")
      .notNull()
      .references(() => leagues.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull(),
    name: text("name").notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("league_teams_member").on(t.leagueId, t.userId)],
);

/**
 * Every turn taken: a draft pick (by the member or by the clock), a waiver claim, or a kept empty slot (no couple).
 * One row per turn and one team per couple, both enforced here, so a race can store neither twice.
 */
export const leaguePicks = pgTable(
  "league_picks",
  {
    id: serial("id").primaryKey(),
    leagueId: integer("league_id")
      .notNull()
      .references(() => leagues.id, { onDelete: "cascade" }),
    turn: integer("turn").notNull(),
    teamId: integer("team_id")
      .notNull()
      .references(() => leagueTeams.id, { onDelete: "cascade" }),
    coupleId: integer("couple_id").references(() => couples.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["pick", "auto", "waiver", "kept"] }).notNull(),
    /** The first week the couple scores for this team (1 for the draft; the week after for a waiver claim). */
    fromWeek: smallint("from_week").notNull(),
    pickedAt: timestamp("picked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("league_picks_turn").on(t.leagueId, t.turn),
    uniqueIndex("league_picks_couple").on(t.leagueId, t.coupleId),
    index("league_picks_team").on(t.teamId),
  ],
);

/**
 * Append-only points: a team's score is the sum of its rows. Scoring appends the difference between what each
 * (team, couple, week) should hold and what it already holds, so a score correction appends a correcting row.
 */
export const leaguePoints = pgTable(
  "league_points",
  {
    id: serial("id").primaryKey(),
    leagueId: integer("league_id")
      .notNull()
      .references(() => leagues.id, { onDelete: "cascade" }),
    teamId: integer("team_id")
      .notNull()
      .references(() => leagueTeams.id, { onDelete: "cascade" }),
    coupleId: integer("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    week: smallint("week").notNull(),
    points: doublePrecision("points").notNull(),
    /** "scored" the first time, "correction" when the show's records changed afterwards. */
    reason: text("reason").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("league_points_league").on(t.leagueId, t.teamId)],
);
