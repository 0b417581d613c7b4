-- Background jobs sleep until their next work is due; these triggers wake them in every bot process (NOTIFY on the
-- "mirrorball_jobs" channel, the payload naming the table) when a change brings new work: a poll or its message, a
-- weekly schedule, a league's clock or status, the show data's version, a queued night post. Notifications go out at
-- commit, once per table and transaction.
CREATE FUNCTION "mirrorball_wake_jobs"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('mirrorball_jobs', TG_TABLE_NAME);
	RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "polls_wake_jobs_insert" AFTER INSERT ON "polls"
	FOR EACH STATEMENT EXECUTE FUNCTION "mirrorball_wake_jobs"();--> statement-breakpoint
CREATE TRIGGER "polls_wake_jobs_update" AFTER UPDATE OF "closes_at", "message_id" ON "polls"
	FOR EACH ROW WHEN (OLD."closes_at" IS DISTINCT FROM NEW."closes_at" OR OLD."message_id" IS DISTINCT FROM NEW."message_id")
	EXECUTE FUNCTION "mirrorball_wake_jobs"();--> statement-breakpoint
CREATE TRIGGER "poll_schedules_wake_jobs" AFTER INSERT OR UPDATE ON "poll_schedules"
	FOR EACH STATEMENT EXECUTE FUNCTION "mirrorball_wake_jobs"();--> statement-breakpoint
CREATE TRIGGER "leagues_wake_jobs_insert" AFTER INSERT ON "leagues"
	FOR EACH STATEMENT EXECUTE FUNCTION "mirrorball_wake_jobs"();--> statement-breakpoint
CREATE TRIGGER "leagues_wake_jobs_update" AFTER UPDATE OF "status", "clock_ends_at" ON "leagues"
	FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."clock_ends_at" IS DISTINCT FROM NEW."clock_ends_at")
	EXECUTE FUNCTION "mirrorball_wake_jobs"();--> statement-breakpoint
CREATE TRIGGER "bot_state_wake_jobs" AFTER INSERT OR UPDATE ON "bot_state"
	FOR EACH ROW WHEN (NEW."key" = 'live:indexes') EXECUTE FUNCTION "mirrorball_wake_jobs"();
--> statement-breakpoint
CREATE TRIGGER "night_posts_wake_jobs" AFTER INSERT ON "night_posts"
	FOR EACH STATEMENT EXECUTE FUNCTION "mirrorball_wake_jobs"();
