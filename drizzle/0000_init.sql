CREATE TABLE "admin_audit" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" text NOT NULL,
	"franchise" text DEFAULT 'dwts-us' NOT NULL,
	"season" integer NOT NULL,
	"revision" integer NOT NULL,
	"action" text NOT NULL,
	"summary" text NOT NULL,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "live_seasons" (
	"franchise" text DEFAULT 'dwts-us' NOT NULL,
	"season" integer NOT NULL,
	"document" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"loaded" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "live_seasons_franchise_season_pk" PRIMARY KEY("franchise","season")
);
--> statement-breakpoint
CREATE TABLE "night_posts" (
	"guild_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"franchise" text DEFAULT 'dwts-us' NOT NULL,
	"season" integer NOT NULL,
	"week" smallint NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"posted_at" timestamp with time zone,
	"message_id" text,
	CONSTRAINT "night_posts_guild_id_franchise_season_week_pk" PRIMARY KEY("guild_id","franchise","season","week")
);
--> statement-breakpoint
CREATE TABLE "pending_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"document" jsonb NOT NULL,
	"base_revision" integer DEFAULT 0 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results_channels" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"set_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bot_state" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guild_settings" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"spoiler_hours" smallint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_options" (
	"poll_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"label" text NOT NULL,
	"couple_id" integer,
	CONSTRAINT "poll_options_poll_id_position_pk" PRIMARY KEY("poll_id","position")
);
--> statement-breakpoint
CREATE TABLE "poll_schedules" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"channel_id" text NOT NULL,
	"weekday" smallint NOT NULL,
	"air_time" text NOT NULL,
	"time_zone" text NOT NULL,
	"lead_minutes" integer DEFAULT 1440 NOT NULL,
	"season" integer,
	"next_air_at" timestamp with time zone NOT NULL,
	"set_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_settings" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"manager_role_id" text,
	"elimination_points" smallint DEFAULT 1 NOT NULL,
	"mirrorball_points" smallint DEFAULT 10 NOT NULL,
	"mirrorball_floor" smallint DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "poll_votes" (
	"poll_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"position" smallint NOT NULL,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "poll_votes_poll_id_user_id_pk" PRIMARY KEY("poll_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "polls" (
	"id" serial PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"message_id" text,
	"creator_id" text NOT NULL,
	"kind" text NOT NULL,
	"question" text NOT NULL,
	"season_id" integer,
	"week" smallint,
	"anonymous" boolean DEFAULT false NOT NULL,
	"hide_results" boolean DEFAULT false NOT NULL,
	"scheduled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"resolved_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	"announce_lease_until" timestamp with time zone,
	"tally_edited_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "prediction_ledger" (
	"id" serial PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"poll_id" integer NOT NULL,
	"points" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bonus_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"week_id" integer NOT NULL,
	"performance_id" integer,
	"couple_id" integer NOT NULL,
	"points" real NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "couples" (
	"id" serial PRIMARY KEY NOT NULL,
	"season_id" integer NOT NULL,
	"celebrity_id" integer NOT NULL,
	"pro_id" integer NOT NULL,
	"notability" text,
	"industry" text,
	"age" smallint,
	"hometown" text,
	"placement" smallint,
	"result" text NOT NULL,
	"exit_week" smallint,
	"withdrew" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extra_scores" (
	"performance_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"by" text NOT NULL,
	"kind" text NOT NULL,
	"score" real,
	CONSTRAINT "extra_scores_performance_id_position_pk" PRIMARY KEY("performance_id","position")
);
--> statement-breakpoint
CREATE TABLE "judge_scores" (
	"performance_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"judge_id" integer NOT NULL,
	"score" real NOT NULL,
	CONSTRAINT "judge_scores_performance_id_position_pk" PRIMARY KEY("performance_id","position")
);
--> statement-breakpoint
CREATE TABLE "judges_save_votes" (
	"week_id" integer NOT NULL,
	"judge_id" integer NOT NULL,
	"saved_couple_id" integer NOT NULL,
	CONSTRAINT "judges_save_votes_week_id_judge_id_pk" PRIMARY KEY("week_id","judge_id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "performance_couples" (
	"performance_id" integer NOT NULL,
	"couple_id" integer NOT NULL,
	"stand_in_id" integer,
	"replaced_id" integer,
	CONSTRAINT "performance_couples_performance_id_couple_id_pk" PRIMARY KEY("performance_id","couple_id")
);
--> statement-breakpoint
CREATE TABLE "performances" (
	"id" serial PRIMARY KEY NOT NULL,
	"week_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"round" text NOT NULL,
	"style" text,
	"song" text,
	"artist" text,
	"team" text,
	"winner_couple_id" integer,
	"reported_total" real,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "season_staff" (
	"season_id" integer NOT NULL,
	"person_id" integer NOT NULL,
	"role" text NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "season_staff_season_id_role_person_id_pk" PRIMARY KEY("season_id","role","person_id")
);
--> statement-breakpoint
CREATE TABLE "seasons" (
	"id" serial PRIMARY KEY NOT NULL,
	"franchise" text DEFAULT 'dwts-us' NOT NULL,
	"number" integer NOT NULL,
	"title" text,
	"premiere" date,
	"finale" date,
	"trophy" text,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "week_judges" (
	"week_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"person_id" integer NOT NULL,
	"is_guest" boolean DEFAULT false NOT NULL,
	CONSTRAINT "week_judges_week_id_position_pk" PRIMARY KEY("week_id","position")
);
--> statement-breakpoint
CREATE TABLE "week_results" (
	"week_id" integer NOT NULL,
	"couple_id" integer NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	CONSTRAINT "week_results_week_id_couple_id_outcome_pk" PRIMARY KEY("week_id","couple_id","outcome")
);
--> statement-breakpoint
CREATE TABLE "weekly_scores" (
	"week_id" integer NOT NULL,
	"couple_id" integer NOT NULL,
	"scores" jsonb NOT NULL,
	"dances" smallint,
	CONSTRAINT "weekly_scores_week_id_couple_id_pk" PRIMARY KEY("week_id","couple_id")
);
--> statement-breakpoint
CREATE TABLE "weeks" (
	"id" serial PRIMARY KEY NOT NULL,
	"season_id" integer NOT NULL,
	"number" smallint NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"air_date" date,
	"theme" text,
	"is_finale" boolean DEFAULT false NOT NULL,
	"carry_over_from" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"no_elimination" boolean DEFAULT false NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "poll_options" ADD CONSTRAINT "poll_options_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_options" ADD CONSTRAINT "poll_options_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prediction_ledger" ADD CONSTRAINT "prediction_ledger_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bonus_points" ADD CONSTRAINT "bonus_points_week_id_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."weeks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bonus_points" ADD CONSTRAINT "bonus_points_performance_id_performances_id_fk" FOREIGN KEY ("performance_id") REFERENCES "public"."performances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bonus_points" ADD CONSTRAINT "bonus_points_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couples" ADD CONSTRAINT "couples_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couples" ADD CONSTRAINT "couples_celebrity_id_people_id_fk" FOREIGN KEY ("celebrity_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couples" ADD CONSTRAINT "couples_pro_id_people_id_fk" FOREIGN KEY ("pro_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_scores" ADD CONSTRAINT "extra_scores_performance_id_performances_id_fk" FOREIGN KEY ("performance_id") REFERENCES "public"."performances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_scores" ADD CONSTRAINT "judge_scores_performance_id_performances_id_fk" FOREIGN KEY ("performance_id") REFERENCES "public"."performances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_scores" ADD CONSTRAINT "judge_scores_judge_id_people_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judges_save_votes" ADD CONSTRAINT "judges_save_votes_week_id_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."weeks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judges_save_votes" ADD CONSTRAINT "judges_save_votes_judge_id_people_id_fk" FOREIGN KEY ("judge_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judges_save_votes" ADD CONSTRAINT "judges_save_votes_saved_couple_id_couples_id_fk" FOREIGN KEY ("saved_couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_couples" ADD CONSTRAINT "performance_couples_performance_id_performances_id_fk" FOREIGN KEY ("performance_id") REFERENCES "public"."performances"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_couples" ADD CONSTRAINT "performance_couples_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_couples" ADD CONSTRAINT "performance_couples_stand_in_id_people_id_fk" FOREIGN KEY ("stand_in_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_couples" ADD CONSTRAINT "performance_couples_replaced_id_people_id_fk" FOREIGN KEY ("replaced_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performances" ADD CONSTRAINT "performances_week_id_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."weeks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performances" ADD CONSTRAINT "performances_winner_couple_id_couples_id_fk" FOREIGN KEY ("winner_couple_id") REFERENCES "public"."couples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_staff" ADD CONSTRAINT "season_staff_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "season_staff" ADD CONSTRAINT "season_staff_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "week_judges" ADD CONSTRAINT "week_judges_week_id_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."weeks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "week_judges" ADD CONSTRAINT "week_judges_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "week_results" ADD CONSTRAINT "week_results_week_id_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."weeks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "week_results" ADD CONSTRAINT "week_results_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_scores" ADD CONSTRAINT "weekly_scores_week_id_weeks_id_fk" FOREIGN KEY ("week_id") REFERENCES "public"."weeks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weekly_scores" ADD CONSTRAINT "weekly_scores_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "weeks" ADD CONSTRAINT "weeks_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_audit_season" ON "admin_audit" USING btree ("franchise","season","at");--> statement-breakpoint
CREATE INDEX "night_posts_due" ON "night_posts" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "poll_schedules_next" ON "poll_schedules" USING btree ("next_air_at");--> statement-breakpoint
CREATE INDEX "polls_open_deadline" ON "polls" USING btree ("closes_at") WHERE "polls"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "polls_unannounced" ON "polls" USING btree ("closed_at") WHERE "polls"."closed_at" is not null and "polls"."announced_at" is null;--> statement-breakpoint
CREATE INDEX "polls_season_week" ON "polls" USING btree ("season_id","week");--> statement-breakpoint
CREATE INDEX "polls_guild" ON "polls" USING btree ("guild_id","created_at");--> statement-breakpoint
CREATE INDEX "prediction_ledger_guild_user" ON "prediction_ledger" USING btree ("guild_id","user_id");--> statement-breakpoint
CREATE INDEX "prediction_ledger_poll" ON "prediction_ledger" USING btree ("poll_id");--> statement-breakpoint
CREATE INDEX "bonus_points_week" ON "bonus_points" USING btree ("week_id");--> statement-breakpoint
CREATE UNIQUE INDEX "couples_season_celebrity" ON "couples" USING btree ("season_id","celebrity_id");--> statement-breakpoint
CREATE INDEX "couples_pro" ON "couples" USING btree ("pro_id");--> statement-breakpoint
CREATE INDEX "judge_scores_judge" ON "judge_scores" USING btree ("judge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_name" ON "people" USING btree ("name");--> statement-breakpoint
CREATE INDEX "people_search_name" ON "people" USING btree ("search_name");--> statement-breakpoint
CREATE INDEX "performance_couples_couple" ON "performance_couples" USING btree ("couple_id");--> statement-breakpoint
CREATE UNIQUE INDEX "performances_week_position" ON "performances" USING btree ("week_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "seasons_franchise_number" ON "seasons" USING btree ("franchise","number");--> statement-breakpoint
CREATE UNIQUE INDEX "weeks_season_number_label" ON "weeks" USING btree ("season_id","number","label");