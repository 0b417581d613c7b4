CREATE TABLE "feed_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"franchise" text DEFAULT 'dwts-us' NOT NULL,
	"season" integer NOT NULL,
	"revid" bigint NOT NULL,
	"link" text NOT NULL,
	"base_revision" integer NOT NULL,
	"document" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"holds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"message_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "feed_changes_season" ON "feed_changes" USING btree ("franchise","season","status");