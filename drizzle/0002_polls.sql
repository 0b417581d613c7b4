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
CREATE TABLE "result_revision_couples" (
	"revision_id" integer NOT NULL,
	"couple_id" integer NOT NULL,
	"placement" smallint
);
--> statement-breakpoint
CREATE TABLE "result_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"season_id" integer NOT NULL,
	"week" smallint,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "poll_options" ADD CONSTRAINT "poll_options_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_options" ADD CONSTRAINT "poll_options_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "poll_votes" ADD CONSTRAINT "poll_votes_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "polls" ADD CONSTRAINT "polls_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prediction_ledger" ADD CONSTRAINT "prediction_ledger_poll_id_polls_id_fk" FOREIGN KEY ("poll_id") REFERENCES "public"."polls"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_revision_couples" ADD CONSTRAINT "result_revision_couples_revision_id_result_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."result_revisions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_revision_couples" ADD CONSTRAINT "result_revision_couples_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_revisions" ADD CONSTRAINT "result_revisions_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "poll_schedules_next" ON "poll_schedules" USING btree ("next_air_at");--> statement-breakpoint
CREATE INDEX "polls_open_deadline" ON "polls" USING btree ("closes_at") WHERE "polls"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "polls_unannounced" ON "polls" USING btree ("closed_at") WHERE "polls"."closed_at" is not null and "polls"."announced_at" is null;--> statement-breakpoint
CREATE INDEX "polls_season_week" ON "polls" USING btree ("season_id","week");--> statement-breakpoint
CREATE INDEX "polls_guild" ON "polls" USING btree ("guild_id","created_at");--> statement-breakpoint
CREATE INDEX "prediction_ledger_guild_user" ON "prediction_ledger" USING btree ("guild_id","user_id");--> statement-breakpoint
CREATE INDEX "prediction_ledger_poll" ON "prediction_ledger" USING btree ("poll_id");--> statement-breakpoint
CREATE UNIQUE INDEX "result_revision_couples_pk" ON "result_revision_couples" USING btree ("revision_id","couple_id");--> statement-breakpoint
CREATE INDEX "result_revisions_season" ON "result_revisions" USING btree ("season_id","week");