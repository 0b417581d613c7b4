CREATE TABLE "league_picks" (
	"id" serial PRIMARY KEY NOT NULL,
	"league_id" integer NOT NULL,
	"turn" integer NOT NULL,
	"team_id" integer NOT NULL,
	"couple_id" integer,
	"kind" text NOT NULL,
	"from_week" smallint NOT NULL,
	"picked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "league_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"league_id" integer NOT NULL,
	"team_id" integer NOT NULL,
	"couple_id" integer NOT NULL,
	"week" smallint NOT NULL,
	"points" double precision NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "league_teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"league_id" integer NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leagues" (
	"id" serial PRIMARY KEY NOT NULL,
	"guild_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"message_id" text,
	"creator_id" text NOT NULL,
	"name" text NOT NULL,
	"season_id" integer NOT NULL,
	"mode" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"team_size" smallint NOT NULL,
	"pick_seconds" integer NOT NULL,
	"rules" jsonb NOT NULL,
	"turn" integer DEFAULT 0 NOT NULL,
	"clock_ends_at" timestamp with time zone,
	"waiver_order" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"waiver_start" integer,
	"waiver_week" smallint,
	"released_week" smallint DEFAULT 0 NOT NULL,
	"scored_version" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "league_picks" ADD CONSTRAINT "league_picks_league_id_leagues_id_fk" FOREIGN KEY ("league_id") REFERENCES "public"."leagues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "league_picks" ADD CONSTRAINT "league_picks_team_id_league_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."league_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "league_picks" ADD CONSTRAINT "league_picks_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "league_points" ADD CONSTRAINT "league_points_league_id_leagues_id_fk" FOREIGN KEY ("league_id") REFERENCES "public"."leagues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "league_points" ADD CONSTRAINT "league_points_team_id_league_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."league_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "league_points" ADD CONSTRAINT "league_points_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "league_teams" ADD CONSTRAINT "league_teams_league_id_leagues_id_fk" FOREIGN KEY ("league_id") REFERENCES "public"."leagues"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leagues" ADD CONSTRAINT "leagues_season_id_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."seasons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "league_picks_turn" ON "league_picks" USING btree ("league_id","turn");--> statement-breakpoint
CREATE UNIQUE INDEX "league_picks_couple" ON "league_picks" USING btree ("league_id","couple_id");--> statement-breakpoint
CREATE INDEX "league_picks_team" ON "league_picks" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "league_points_league" ON "league_points" USING btree ("league_id","team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "league_teams_member" ON "league_teams" USING btree ("league_id","user_id");--> statement-breakpoint
CREATE INDEX "leagues_guild" ON "leagues" USING btree ("guild_id","created_at");--> statement-breakpoint
CREATE INDEX "leagues_clock" ON "leagues" USING btree ("clock_ends_at") WHERE "leagues"."clock_ends_at" is not null;