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
CREATE INDEX "admin_audit_season" ON "admin_audit" USING btree ("franchise","season","at");--> statement-breakpoint
CREATE INDEX "night_posts_due" ON "night_posts" USING btree ("due_at");