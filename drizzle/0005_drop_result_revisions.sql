DROP TABLE "result_revision_couples" CASCADE;--> statement-breakpoint
DROP TABLE "result_revisions" CASCADE;