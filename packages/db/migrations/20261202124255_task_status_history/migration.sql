CREATE TABLE "task_status_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_status_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"task_id" integer NOT NULL,
	"status" "task_status" NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "task_status_changes_task_idx" ON "task_status_changes" ("task_id","changed_at");--> statement-breakpoint
CREATE INDEX "task_status_changes_path_prefix_idx" ON "task_status_changes" ("region_path" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "task_status_changes" ADD CONSTRAINT "task_status_changes_task_id_tasks_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id");--> statement-breakpoint
-- hand-written: backfill for existing tasks (started when created, or when completed if that is earlier; done when completed)
INSERT INTO "task_status_changes" ("county_id", "region_path", "task_id", "status", "changed_at")
SELECT "county_id", "region_path", "id", 'IN_PROGRESS'::task_status, least("created_at", coalesce("completed_at", "created_at"))
FROM "tasks" WHERE "status" <> 'NOT_STARTED'
UNION ALL
SELECT "county_id", "region_path", "id", 'DONE'::task_status, "completed_at" FROM "tasks" WHERE "status" = 'DONE';
