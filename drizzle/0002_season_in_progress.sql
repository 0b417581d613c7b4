ALTER TABLE "performances" ADD COLUMN "status" text;--> statement-breakpoint
ALTER TABLE "weeks" ADD COLUMN "status" text;