CREATE TABLE "extra_scores" (
	"performance_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"by" text NOT NULL,
	"kind" text NOT NULL,
	"score" real,
	CONSTRAINT "extra_scores_performance_id_position_pk" PRIMARY KEY("performance_id","position")
);
--> statement-breakpoint
ALTER TABLE "performances" ADD COLUMN "reported_total" real;--> statement-breakpoint
ALTER TABLE "extra_scores" ADD CONSTRAINT "extra_scores_performance_id_performances_id_fk" FOREIGN KEY ("performance_id") REFERENCES "public"."performances"("id") ON DELETE cascade ON UPDATE no action;