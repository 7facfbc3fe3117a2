CREATE TYPE "assistance_activity_kind" AS ENUM('CAMPAIGN', 'PUBLICITY');--> statement-breakpoint
CREATE TABLE "assistance_activities" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assistance_activities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"region_id" integer NOT NULL,
	"kind" "assistance_activity_kind" NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"participants" integer DEFAULT 0 NOT NULL,
	"copies_distributed" integer DEFAULT 0 NOT NULL,
	"materials" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assistance_activities_dates_ck" CHECK ("end_date" >= "start_date"),
	CONSTRAINT "assistance_activities_counts_ck" CHECK ("participants" >= 0 and "copies_distributed" >= 0)
);
--> statement-breakpoint
ALTER TABLE "work_teams" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
CREATE INDEX "assistance_activities_start_idx" ON "assistance_activities" ("county_id","start_date");--> statement-breakpoint
CREATE INDEX "assistance_activities_path_prefix_idx" ON "assistance_activities" ("region_path" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "assistance_activities" ADD CONSTRAINT "assistance_activities_region_id_regions_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id");