CREATE TYPE "assistance_activity_kind" AS ENUM('CAMPAIGN', 'PUBLICITY');--> statement-breakpoint
CREATE TYPE "notice_objection_status" AS ENUM('OPEN', 'ANSWERED');--> statement-breakpoint
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
CREATE TABLE "notice_objections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "notice_objections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"notice_id" integer NOT NULL,
	"raised_on" date NOT NULL,
	"content" text NOT NULL,
	"objector_name" text,
	"objector_phone" text,
	"status" "notice_objection_status" DEFAULT 'OPEN'::"notice_objection_status" NOT NULL,
	"answer" text,
	"answered_on" date,
	"answered_by_id" integer,
	"recorded_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_objections_answer_ck" CHECK (("status" = 'ANSWERED') = ("answer" is not null) and ("answer" is null) = ("answered_on" is null))
);
--> statement-breakpoint
CREATE TABLE "task_status_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_status_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"task_id" integer NOT NULL,
	"status" "task_status" NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "work_teams" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "combat_group_members" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "withdrawn_by_name" text;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "policy_documents" ADD COLUMN "withdrawn_by_name" text;--> statement-breakpoint
ALTER TABLE "resolutions" ADD COLUMN "withdrawn_on" date;--> statement-breakpoint
ALTER TABLE "resolutions" ADD COLUMN "withdrawn_reason" text;--> statement-breakpoint
ALTER TABLE "resolutions" ADD COLUMN "withdrawn_by_name" text;--> statement-breakpoint
DROP INDEX "combat_group_members_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "combat_group_members_uq" ON "combat_group_members" ("combat_group_id","cadre_id") WHERE "ended_on" is null;--> statement-breakpoint
CREATE INDEX "assistance_activities_start_idx" ON "assistance_activities" ("county_id","start_date");--> statement-breakpoint
CREATE INDEX "assistance_activities_path_prefix_idx" ON "assistance_activities" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "notice_objections_notice_idx" ON "notice_objections" ("notice_id","status");--> statement-breakpoint
CREATE INDEX "notice_objections_path_prefix_idx" ON "notice_objections" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "task_status_changes_task_idx" ON "task_status_changes" ("task_id","changed_at");--> statement-breakpoint
CREATE INDEX "task_status_changes_path_prefix_idx" ON "task_status_changes" ("region_path" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "assistance_activities" ADD CONSTRAINT "assistance_activities_region_id_regions_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_notice_id_disclosure_notices_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "disclosure_notices"("id");--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_answered_by_id_users_id_fkey" FOREIGN KEY ("answered_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_recorded_by_id_users_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "task_status_changes" ADD CONSTRAINT "task_status_changes_task_id_tasks_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id");--> statement-breakpoint
-- hand-written: backfill for existing tasks (started when created, or when completed if that is earlier; done when completed)
INSERT INTO "task_status_changes" ("county_id", "region_path", "task_id", "status", "changed_at")
SELECT "county_id", "region_path", "id", 'IN_PROGRESS'::task_status, least("created_at", coalesce("completed_at", "created_at"))
FROM "tasks" WHERE "status" <> 'NOT_STARTED'
UNION ALL
SELECT "county_id", "region_path", "id", 'DONE'::task_status, "completed_at" FROM "tasks" WHERE "status" = 'DONE';
