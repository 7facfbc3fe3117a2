CREATE TYPE "task_source_kind" AS ENUM('MEETING_DECISION', 'RESOLUTION', 'POLICY_DOCUMENT', 'INSPECTION_FINDING', 'AUDIT_FINDING');--> statement-breakpoint
CREATE TYPE "task_status" AS ENUM('NOT_STARTED', 'IN_PROGRESS', 'DONE');--> statement-breakpoint
CREATE TYPE "command_role" AS ENUM('COMMANDER', 'DEPUTY_COMMANDER');--> statement-breakpoint
CREATE TYPE "meeting_type" AS ENUM('COUNTY_STANDING_COMMITTEE', 'GOVERNMENT_EXECUTIVE', 'LEADING_GROUP', 'COUNTY_CONFERENCE', 'OTHER');--> statement-breakpoint
CREATE TYPE "policy_document_kind" AS ENUM('MASTER', 'THEMATIC', 'DEPARTMENT');--> statement-breakpoint
CREATE TYPE "policy_document_status" AS ENUM('IN_FORCE', 'SUPERSEDED');--> statement-breakpoint
CREATE TABLE "task_reassignments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_reassignments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"task_id" integer NOT NULL,
	"from_unit_id" integer NOT NULL,
	"from_person_id" integer NOT NULL,
	"to_unit_id" integer NOT NULL,
	"to_person_id" integer NOT NULL,
	"reason" text NOT NULL,
	"reassigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reassigned_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"parent_id" integer,
	"root_id" integer,
	"title" text NOT NULL,
	"description" text,
	"source_kind" "task_source_kind" NOT NULL,
	"meeting_decision_id" integer,
	"resolution_id" integer,
	"policy_document_id" integer,
	"finding_reference" text,
	"combat_group_id" integer,
	"level_id" text NOT NULL,
	"region_id" integer NOT NULL,
	"responsible_unit_id" integer NOT NULL,
	"responsible_person_id" integer NOT NULL,
	"deadline" date NOT NULL,
	"status" "task_status" DEFAULT 'NOT_STARTED'::"task_status" NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_progress_range_ck" CHECK ("progress" between 0 and 100),
	CONSTRAINT "tasks_done_recorded_ck" CHECK (("status" = 'DONE') = ("completed_at" is not null) and ("status" <> 'DONE' or "progress" = 100)),
	CONSTRAINT "tasks_not_started_zero_ck" CHECK ("status" <> 'NOT_STARTED' or "progress" = 0),
	CONSTRAINT "tasks_source_ck" CHECK (("source_kind" <> 'MEETING_DECISION' or "meeting_decision_id" is not null)
        and ("source_kind" <> 'RESOLUTION' or "resolution_id" is not null)
        and ("source_kind" <> 'POLICY_DOCUMENT' or "policy_document_id" is not null)
        and ("source_kind" not in ('INSPECTION_FINDING', 'AUDIT_FINDING') or "finding_reference" is not null)),
	CONSTRAINT "tasks_tree_ck" CHECK (("parent_id" is null) = ("root_id" is null))
);
--> statement-breakpoint
CREATE TABLE "combat_group_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "combat_group_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"combat_group_id" integer NOT NULL,
	"cadre_id" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "combat_groups" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "combat_groups_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"command_post_id" integer NOT NULL,
	"name" text NOT NULL,
	"remit" text NOT NULL,
	"leader_id" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "command_post_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "command_post_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"command_post_id" integer NOT NULL,
	"cadre_id" integer NOT NULL,
	"role" "command_role" NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "command_posts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "command_posts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"established_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meeting_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"meeting_id" integer NOT NULL,
	"sequence" integer NOT NULL,
	"content" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "meetings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"type" "meeting_type" NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"attendees" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_documents" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "policy_documents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"kind" "policy_document_kind" NOT NULL,
	"document_number" text NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"issued_on" date NOT NULL,
	"status" "policy_document_status" DEFAULT 'IN_FORCE'::"policy_document_status" NOT NULL,
	"superseded_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_documents_superseded_link_ck" CHECK (("status" = 'SUPERSEDED') = ("superseded_by_id" is not null)),
	CONSTRAINT "policy_documents_not_self_ck" CHECK ("superseded_by_id" is null or "superseded_by_id" <> "id")
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "resolutions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"issuing_body" text NOT NULL,
	"adopted_on" date NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "task_reassignments_task_idx" ON "task_reassignments" ("task_id","reassigned_at");--> statement-breakpoint
CREATE INDEX "task_reassignments_path_prefix_idx" ON "task_reassignments" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "tasks_path_prefix_idx" ON "tasks" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" ("parent_id");--> statement-breakpoint
CREATE INDEX "tasks_root_idx" ON "tasks" ("root_id");--> statement-breakpoint
CREATE INDEX "tasks_region_idx" ON "tasks" ("region_id");--> statement-breakpoint
CREATE INDEX "tasks_unit_idx" ON "tasks" ("responsible_unit_id");--> statement-breakpoint
CREATE INDEX "tasks_person_idx" ON "tasks" ("responsible_person_id");--> statement-breakpoint
CREATE INDEX "tasks_county_deadline_idx" ON "tasks" ("county_id","deadline");--> statement-breakpoint
CREATE INDEX "tasks_document_idx" ON "tasks" ("policy_document_id");--> statement-breakpoint
CREATE INDEX "tasks_decision_idx" ON "tasks" ("meeting_decision_id");--> statement-breakpoint
CREATE INDEX "tasks_resolution_idx" ON "tasks" ("resolution_id");--> statement-breakpoint
CREATE INDEX "tasks_group_idx" ON "tasks" ("combat_group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "combat_group_members_uq" ON "combat_group_members" ("combat_group_id","cadre_id");--> statement-breakpoint
CREATE INDEX "combat_group_members_cadre_idx" ON "combat_group_members" ("cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "combat_groups_post_name_uq" ON "combat_groups" ("command_post_id","name");--> statement-breakpoint
CREATE INDEX "combat_groups_path_prefix_idx" ON "combat_groups" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "command_post_members_cadre_uq" ON "command_post_members" ("command_post_id","cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "command_post_members_one_commander_uq" ON "command_post_members" ("command_post_id") WHERE "role" = 'COMMANDER';--> statement-breakpoint
CREATE INDEX "command_post_members_path_prefix_idx" ON "command_post_members" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "command_posts_county_name_uq" ON "command_posts" ("county_id","name");--> statement-breakpoint
CREATE INDEX "command_posts_path_prefix_idx" ON "command_posts" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_decisions_seq_uq" ON "meeting_decisions" ("meeting_id","sequence");--> statement-breakpoint
CREATE INDEX "meeting_decisions_path_prefix_idx" ON "meeting_decisions" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "meetings_county_held_idx" ON "meetings" ("county_id","held_on");--> statement-breakpoint
CREATE INDEX "meetings_path_prefix_idx" ON "meetings" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "policy_documents_number_uq" ON "policy_documents" ("county_id","document_number");--> statement-breakpoint
CREATE INDEX "policy_documents_path_prefix_idx" ON "policy_documents" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "resolutions_county_adopted_idx" ON "resolutions" ("county_id","adopted_on");--> statement-breakpoint
CREATE INDEX "resolutions_path_prefix_idx" ON "resolutions" ("region_path" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "task_reassignments" ADD CONSTRAINT "task_reassignments_task_id_tasks_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id");--> statement-breakpoint
ALTER TABLE "task_reassignments" ADD CONSTRAINT "task_reassignments_from_unit_id_units_id_fkey" FOREIGN KEY ("from_unit_id") REFERENCES "units"("id");--> statement-breakpoint
ALTER TABLE "task_reassignments" ADD CONSTRAINT "task_reassignments_from_person_id_cadres_id_fkey" FOREIGN KEY ("from_person_id") REFERENCES "cadres"("id");--> statement-breakpoint
ALTER TABLE "task_reassignments" ADD CONSTRAINT "task_reassignments_to_unit_id_units_id_fkey" FOREIGN KEY ("to_unit_id") REFERENCES "units"("id");--> statement-breakpoint
ALTER TABLE "task_reassignments" ADD CONSTRAINT "task_reassignments_to_person_id_cadres_id_fkey" FOREIGN KEY ("to_person_id") REFERENCES "cadres"("id");--> statement-breakpoint
ALTER TABLE "task_reassignments" ADD CONSTRAINT "task_reassignments_reassigned_by_id_users_id_fkey" FOREIGN KEY ("reassigned_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_id_tasks_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "tasks"("id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_root_id_tasks_id_fkey" FOREIGN KEY ("root_id") REFERENCES "tasks"("id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_meeting_decision_id_meeting_decisions_id_fkey" FOREIGN KEY ("meeting_decision_id") REFERENCES "meeting_decisions"("id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_resolution_id_resolutions_id_fkey" FOREIGN KEY ("resolution_id") REFERENCES "resolutions"("id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_policy_document_id_policy_documents_id_fkey" FOREIGN KEY ("policy_document_id") REFERENCES "policy_documents"("id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_combat_group_id_combat_groups_id_fkey" FOREIGN KEY ("combat_group_id") REFERENCES "combat_groups"("id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_region_id_regions_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_responsible_unit_id_units_id_fkey" FOREIGN KEY ("responsible_unit_id") REFERENCES "units"("id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_responsible_person_id_cadres_id_fkey" FOREIGN KEY ("responsible_person_id") REFERENCES "cadres"("id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_id_users_id_fkey" FOREIGN KEY ("completed_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "combat_group_members" ADD CONSTRAINT "combat_group_members_combat_group_id_combat_groups_id_fkey" FOREIGN KEY ("combat_group_id") REFERENCES "combat_groups"("id");--> statement-breakpoint
ALTER TABLE "combat_group_members" ADD CONSTRAINT "combat_group_members_cadre_id_cadres_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadres"("id");--> statement-breakpoint
ALTER TABLE "combat_groups" ADD CONSTRAINT "combat_groups_command_post_id_command_posts_id_fkey" FOREIGN KEY ("command_post_id") REFERENCES "command_posts"("id");--> statement-breakpoint
ALTER TABLE "combat_groups" ADD CONSTRAINT "combat_groups_leader_id_cadres_id_fkey" FOREIGN KEY ("leader_id") REFERENCES "cadres"("id");--> statement-breakpoint
ALTER TABLE "command_post_members" ADD CONSTRAINT "command_post_members_command_post_id_command_posts_id_fkey" FOREIGN KEY ("command_post_id") REFERENCES "command_posts"("id");--> statement-breakpoint
ALTER TABLE "command_post_members" ADD CONSTRAINT "command_post_members_cadre_id_cadres_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadres"("id");--> statement-breakpoint
ALTER TABLE "meeting_decisions" ADD CONSTRAINT "meeting_decisions_meeting_id_meetings_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id");--> statement-breakpoint
ALTER TABLE "policy_documents" ADD CONSTRAINT "policy_documents_superseded_by_id_policy_documents_id_fkey" FOREIGN KEY ("superseded_by_id") REFERENCES "policy_documents"("id");