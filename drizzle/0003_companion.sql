CREATE TABLE "calendar_notices" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"noticed_at" timestamp with time zone,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "episode_events" (
	"guild_id" text NOT NULL,
	"season" integer NOT NULL,
	"week" smallint NOT NULL,
	"event_id" text,
	"name" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "episode_events_guild_id_season_week_pk" PRIMARY KEY("guild_id","season","week")
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"occasion" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"failed_at" timestamp with time zone,
	"failure_code" integer,
	CONSTRAINT "reminder_deliveries_guild_id_user_id_kind_occasion_pk" PRIMARY KEY("guild_id","user_id","kind","occasion")
);
--> statement-breakpoint
CREATE TABLE "reminder_dm_failures" (
	"user_id" text PRIMARY KEY NOT NULL,
	"code" integer,
	"failed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_role_pings" (
	"poll_id" integer PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"message_id" text
);
--> statement-breakpoint
CREATE TABLE "reminder_roles" (
	"guild_id" text PRIMARY KEY NOT NULL,
	"role_id" text NOT NULL,
	"set_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_subscriptions" (
	"guild_id" text NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_subscriptions_guild_id_user_id_kind_pk" PRIMARY KEY("guild_id","user_id","kind")
);
--> statement-breakpoint
CREATE INDEX "reminder_subscriptions_kind" ON "reminder_subscriptions" USING btree ("kind");