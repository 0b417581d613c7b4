import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** A season of a franchise ("dwts-us" 32); keyed by franchise so another one could be added later. */
export const seasons = pgTable(
  "seasons",
  {
    id: serial("id").primaryKey(),
    franchise: text("franchise").notNull().default("dwts-us"),
    number: integer("number").notNull(),
    title: text("title"),
    premiere: date("premiere"),
    finale: date("finale"),
    trophy: text("trophy"),
    notes: jsonb("notes").$type<string[]>().notNull().default([]),
    sources: jsonb("sources").$type<{ name: string; url?: string; licence?: string }[]>().notNull().default([]),
  },
  (t) => [uniqueIndex("seasons_franchise_number").on(t.franchise, t.number)],
);

/** One real person, whatever roles they had (celebrity, pro, judge, host) across seasons. */
export const people = pgTable(
  "people",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    /** Lower-case, accent-free form of the name, for matching what fans type. */
    searchName: text("search_name").notNull(),
  },
  (t) => [uniqueIndex("people_name").on(t.name), index("people_search_name").on(t.searchName)],
);

/** Hosts and the regular judging panel of a season. */
export const seasonStaff = pgTable(
  "season_staff",
  {
    seasonId: integer("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    role: text("role", { enum: ["host", "judge"] }).notNull(),
    position: smallint("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.seasonId, t.role, t.personId] })],
);

export const couples = pgTable(
  "couples",
  {
    id: serial("id").primaryKey(),
    seasonId: integer("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    celebrityId: integer("celebrity_id")
      .notNull()
      .references(() => people.id),
    proId: integer("pro_id")
      .notNull()
      .references(() => people.id),
    notability: text("notability"),
    industry: text("industry"),
    age: smallint("age"),
    hometown: text("hometown"),
    placement: smallint("placement"),
    result: text("result").notNull(),
    exitWeek: smallint("exit_week"),
    withdrew: boolean("withdrew").notNull().default(false),
  },
  (t) => [uniqueIndex("couples_season_celebrity").on(t.seasonId, t.celebrityId), index("couples_pro").on(t.proId)],
);

export const weeks = pgTable(
  "weeks",
  {
    id: serial("id").primaryKey(),
    seasonId: integer("season_id")
      .notNull()
      .references(() => seasons.id, { onDelete: "cascade" }),
    number: smallint("number").notNull(),
    /** Tells apart a multi-night week's parts or a special shown as an extra week; "" for an ordinary week. */
    label: text("label").notNull().default(""),
    airDate: date("air_date"),
    theme: text("theme"),
    isFinale: boolean("is_finale").notNull().default(false),
    /** Week numbers whose judges' totals this week's standings add (the finale's semifinal carry-over). */
    carryOverFrom: jsonb("carry_over_from").$type<number[]>().notNull().default([]),
    noElimination: boolean("no_elimination").notNull().default(false),
    /** A week of a season on the air not scored yet: "announced" (dances named) or "scheduled" (date and theme); null once aired. */
    status: text("status", { enum: ["announced", "scheduled"] }),
    notes: jsonb("notes").$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex("weeks_season_number_label").on(t.seasonId, t.number, t.label)],
);

/** The judges who scored a week, in the order of its score sheets; guests included. */
export const weekJudges = pgTable(
  "week_judges",
  {
    weekId: integer("week_id")
      .notNull()
      .references(() => weeks.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id),
    isGuest: boolean("is_guest").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.weekId, t.position] })],
);

export const performances = pgTable(
  "performances",
  {
    id: serial("id").primaryKey(),
    weekId: integer("week_id")
      .notNull()
      .references(() => weeks.id, { onDelete: "cascade" }),
    /** Running order within the week as the season file lists it. */
    position: smallint("position").notNull(),
    round: text("round").notNull(),
    /** "announced": named before the show, not scored yet; null for a dance that was performed. */
    status: text("status", { enum: ["announced"] }),
    style: text("style"),
    song: text("song"),
    artist: text("artist"),
    team: text("team"),
    winnerCoupleId: integer("winner_couple_id").references(() => couples.id),
    /** The judges' total where the sources give only the total, not each judge's score. */
    reportedTotal: real("reported_total"),
    note: text("note"),
  },
  (t) => [uniqueIndex("performances_week_position").on(t.weekId, t.position)],
);

/** Scores from outside the week's panel that count in a dance's total: a one-dance guest judge, or the viewers' score. */
export const extraScores = pgTable(
  "extra_scores",
  {
    performanceId: integer("performance_id")
      .notNull()
      .references(() => performances.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    by: text("by").notNull(),
    kind: text("kind", { enum: ["guest judge", "viewers"] }).notNull(),
    score: real("score"),
  },
  (t) => [primaryKey({ columns: [t.performanceId, t.position] })],
);

/** Who danced a performance: one couple, or several for team dances, relays and dance-offs. */
export const performanceCouples = pgTable(
  "performance_couples",
  {
    performanceId: integer("performance_id")
      .notNull()
      .references(() => performances.id, { onDelete: "cascade" }),
    coupleId: integer("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    /** A partner who stood in for this dance, and whom they replaced. */
    standInId: integer("stand_in_id").references(() => people.id),
    replacedId: integer("replaced_id").references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.performanceId, t.coupleId] }), index("performance_couples_couple").on(t.coupleId)],
);

export const judgeScores = pgTable(
  "judge_scores",
  {
    performanceId: integer("performance_id")
      .notNull()
      .references(() => performances.id, { onDelete: "cascade" }),
    position: smallint("position").notNull(),
    judgeId: integer("judge_id")
      .notNull()
      .references(() => people.id),
    score: real("score").notNull(),
  },
  (t) => [primaryKey({ columns: [t.performanceId, t.position] }), index("judge_scores_judge").on(t.judgeId)],
);

/** Bonus points (marathons, dance-offs, relays, immunity), never mixed into a judge's score. */
export const bonusPoints = pgTable(
  "bonus_points",
  {
    id: serial("id").primaryKey(),
    weekId: integer("week_id")
      .notNull()
      .references(() => weeks.id, { onDelete: "cascade" }),
    performanceId: integer("performance_id").references(() => performances.id, { onDelete: "cascade" }),
    coupleId: integer("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    points: real("points").notNull(),
    reason: text("reason"),
  },
  (t) => [index("bonus_points_week").on(t.weekId)],
);

/** Weekly per-judge figures for couple-weeks known only as weekly numbers (no dance record). */
export const weeklyScores = pgTable(
  "weekly_scores",
  {
    weekId: integer("week_id")
      .notNull()
      .references(() => weeks.id, { onDelete: "cascade" }),
    coupleId: integer("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    scores: jsonb("scores").$type<(number | null)[]>().notNull(),
    /** How many dances the figures average over, where known. */
    dances: smallint("dances"),
  },
  (t) => [primaryKey({ columns: [t.weekId, t.coupleId] })],
);

/** What happened to a couple at the end of a week: eliminated, withdrew, in the bottom, saved, immune. */
export const weekResults = pgTable(
  "week_results",
  {
    weekId: integer("week_id")
      .notNull()
      .references(() => weeks.id, { onDelete: "cascade" }),
    coupleId: integer("couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
    outcome: text("outcome").notNull(),
    note: text("note"),
  },
  (t) => [primaryKey({ columns: [t.weekId, t.coupleId, t.outcome] })],
);

export const judgesSaveVotes = pgTable(
  "judges_save_votes",
  {
    weekId: integer("week_id")
      .notNull()
      .references(() => weeks.id, { onDelete: "cascade" }),
    judgeId: integer("judge_id")
      .notNull()
      .references(() => people.id),
    savedCoupleId: integer("saved_couple_id")
      .notNull()
      .references(() => couples.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.weekId, t.judgeId] })],
);
