CREATE TYPE "accountability_kind" AS ENUM('CONDUCT_ACCOUNTABILITY', 'CASE_OPENED');--> statement-breakpoint
CREATE TYPE "inspection_finding_status" AS ENUM('OPEN', 'CLOSED');--> statement-breakpoint
CREATE TYPE "report_category" AS ENUM('POLICY_CONSULTATION', 'IDENTIFICATION', 'ASSISTANCE', 'FUND_MISUSE', 'CONDUCT');--> statement-breakpoint
CREATE TYPE "report_channel" AS ENUM('HOTLINE_12345', 'PUBLISHED_PHONE', 'SUPERVISOR', 'WALK_IN');--> statement-breakpoint
CREATE TYPE "report_state" AS ENUM('RECEIVED', 'ASSIGNED', 'HANDLED', 'REPLIED', 'CLOSED');--> statement-breakpoint
CREATE TABLE "accountability_cases" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accountability_cases_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"kind" "accountability_kind" NOT NULL,
	"decided_on" date NOT NULL,
	"year" integer NOT NULL,
	"person_name" text NOT NULL,
	"person_post" text NOT NULL,
	"unit_id" integer,
	"measure" text NOT NULL,
	"summary" text NOT NULL,
	"report_id" integer,
	"inspection_finding_id" integer,
	"audit_finding_id" integer,
	"recorded_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accountability_cases_one_basis_ck" CHECK (num_nonnulls("report_id", "inspection_finding_id", "audit_finding_id") = 1),
	CONSTRAINT "accountability_cases_year_ck" CHECK ("year" = extract(year from "decided_on"))
);
--> statement-breakpoint
CREATE TABLE "assessment_items" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_items_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"assessment_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"weight_tenths" integer NOT NULL,
	"score_tenths" integer NOT NULL,
	"veto" boolean DEFAULT false NOT NULL,
	"veto_hit" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_items_position_uq" UNIQUE("assessment_id","position"),
	CONSTRAINT "assessment_items_weight_ck" CHECK ("score_tenths" between 0 and "weight_tenths"),
	CONSTRAINT "assessment_items_veto_ck" CHECK ("veto" or not "veto_hit")
);
--> statement-breakpoint
CREATE TABLE "inspection_findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspection_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"inspection_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"description" text NOT NULL,
	"found_on" date NOT NULL,
	"task_id" integer NOT NULL,
	"status" "inspection_finding_status" DEFAULT 'OPEN'::"inspection_finding_status" NOT NULL,
	"closed_at" timestamp with time zone,
	"recorded_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspection_findings_closed_ck" CHECK (("status" = 'CLOSED') = ("closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inspections_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"inspectors" text NOT NULL,
	"combat_group_id" integer,
	"recorded_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspections_days_ck" CHECK ("starts_on" <= "ends_on")
);
--> statement-breakpoint
CREATE TABLE "performance_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "performance_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"score_tenths" integer NOT NULL,
	"total_bonus_fen" bigint NOT NULL,
	"campaign_bonus_fen" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "performance_assessments_unit_year_uq" UNIQUE("unit_id","year"),
	CONSTRAINT "performance_assessments_score_ck" CHECK ("score_tenths" between 0 and 1000),
	CONSTRAINT "performance_assessments_bonus_ck" CHECK ("total_bonus_fen" > 0 and "campaign_bonus_fen" between 0 and "total_bonus_fen")
);
--> statement-breakpoint
CREATE TABLE "report_reporters" (
	"report_id" integer PRIMARY KEY,
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"region_id" integer NOT NULL,
	"channel" "report_channel" NOT NULL,
	"category" "report_category" NOT NULL,
	"subject" text NOT NULL,
	"content" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"concerned_unit_id" integer,
	"state" "report_state" DEFAULT 'RECEIVED'::"report_state" NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_on" date NOT NULL,
	"received_by_id" integer,
	"assigned_unit_id" integer,
	"assigned_at" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"handling_result" text,
	"replied_at" timestamp with time zone,
	"reply" text,
	"closed_at" timestamp with time zone,
	"closed_by_id" integer,
	"merged_into_id" integer,
	"merged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_steps_ck" CHECK (("assigned_at" is not null) = ("state" in ('ASSIGNED', 'HANDLED', 'REPLIED', 'CLOSED'))
        and ("assigned_unit_id" is not null) = ("assigned_at" is not null)
        and ("handled_at" is not null) = ("state" in ('HANDLED', 'REPLIED', 'CLOSED'))
        and ("handled_at" is null or "handling_result" is not null)
        and ("replied_at" is not null) = ("state" in ('REPLIED', 'CLOSED'))
        and ("replied_at" is null or "reply" is not null)
        and ("closed_at" is not null) = ("state" = 'CLOSED')),
	CONSTRAINT "reports_merge_ck" CHECK (("merged_into_id" is null) = ("merged_at" is null) and "merged_into_id" is distinct from "id")
);
--> statement-breakpoint
CREATE TABLE "village_assessments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "village_assessments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"village_id" integer NOT NULL,
	"year" integer NOT NULL,
	"self_score_tenths" integer NOT NULL,
	"self_assessed_on" date NOT NULL,
	"review_score_tenths" integer,
	"reviewed_on" date,
	"reviewed_by_id" integer,
	"veto_hit" boolean DEFAULT false NOT NULL,
	"problem_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_assessments_village_year_uq" UNIQUE("village_id","year"),
	CONSTRAINT "village_assessments_self_ck" CHECK ("self_score_tenths" between 0 and 1000),
	CONSTRAINT "village_assessments_review_ck" CHECK ("review_score_tenths" is null or "review_score_tenths" between 0 and 1000),
	CONSTRAINT "village_assessments_reviewed_ck" CHECK (("review_score_tenths" is null) = ("reviewed_on" is null)),
	CONSTRAINT "village_assessments_problems_ck" CHECK ("problem_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "village_exits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "village_exits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"village_id" integer NOT NULL CONSTRAINT "village_exits_village_uq" UNIQUE,
	"scheduled_exit_year" integer NOT NULL,
	"exit_year" integer,
	"support_ends_year" integer NOT NULL,
	"reward_fen" bigint,
	"reward_paid_on" date,
	"rewarded_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_exits_reward_ck" CHECK (("reward_fen" is null) = ("reward_paid_on" is null)),
	CONSTRAINT "village_exits_reward_exit_ck" CHECK ("reward_fen" is null or "exit_year" is not null)
);
--> statement-breakpoint
CREATE TABLE "village_supervisors" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "village_supervisors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"village_id" integer NOT NULL,
	"name" text NOT NULL,
	"phone" text,
	"appointed_on" date NOT NULL,
	"ended_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_supervisors_days_ck" CHECK ("ended_on" is null or "ended_on" >= "appointed_on")
);
--> statement-breakpoint
CREATE INDEX "accountability_cases_path_prefix_idx" ON "accountability_cases" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "accountability_cases_county_year_idx" ON "accountability_cases" ("county_id","year","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_findings_task_uq" ON "inspection_findings" ("task_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_inspection_idx" ON "inspection_findings" ("inspection_id");--> statement-breakpoint
CREATE INDEX "inspection_findings_path_prefix_idx" ON "inspection_findings" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "inspections_path_prefix_idx" ON "inspections" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "inspections_county_day_idx" ON "inspections" ("county_id","starts_on");--> statement-breakpoint
CREATE INDEX "performance_assessments_path_prefix_idx" ON "performance_assessments" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "report_reporters_path_prefix_idx" ON "report_reporters" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "reports_path_prefix_idx" ON "reports" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "reports_county_state_idx" ON "reports" ("county_id","state","received_on");--> statement-breakpoint
CREATE INDEX "reports_merged_idx" ON "reports" ("merged_into_id");--> statement-breakpoint
CREATE INDEX "reports_assigned_unit_idx" ON "reports" ("assigned_unit_id");--> statement-breakpoint
CREATE INDEX "village_assessments_path_prefix_idx" ON "village_assessments" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "village_exits_path_prefix_idx" ON "village_exits" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "village_supervisors_serving_uq" ON "village_supervisors" ("village_id") WHERE "ended_on" is null;--> statement-breakpoint
CREATE INDEX "village_supervisors_path_prefix_idx" ON "village_supervisors" ("region_path" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "accountability_cases" ADD CONSTRAINT "accountability_cases_unit_id_units_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id");--> statement-breakpoint
ALTER TABLE "accountability_cases" ADD CONSTRAINT "accountability_cases_report_id_reports_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id");--> statement-breakpoint
ALTER TABLE "accountability_cases" ADD CONSTRAINT "accountability_cases_ksA4XlR8ORV6_fkey" FOREIGN KEY ("inspection_finding_id") REFERENCES "inspection_findings"("id");--> statement-breakpoint
ALTER TABLE "accountability_cases" ADD CONSTRAINT "accountability_cases_audit_finding_id_audit_findings_id_fkey" FOREIGN KEY ("audit_finding_id") REFERENCES "audit_findings"("id");--> statement-breakpoint
ALTER TABLE "accountability_cases" ADD CONSTRAINT "accountability_cases_recorded_by_id_users_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "assessment_items" ADD CONSTRAINT "assessment_items_assessment_id_village_assessments_id_fkey" FOREIGN KEY ("assessment_id") REFERENCES "village_assessments"("id");--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_inspection_id_inspections_id_fkey" FOREIGN KEY ("inspection_id") REFERENCES "inspections"("id");--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_region_id_regions_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_task_id_tasks_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id");--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_recorded_by_id_users_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_combat_group_id_combat_groups_id_fkey" FOREIGN KEY ("combat_group_id") REFERENCES "combat_groups"("id");--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_recorded_by_id_users_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "performance_assessments" ADD CONSTRAINT "performance_assessments_unit_id_units_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id");--> statement-breakpoint
ALTER TABLE "report_reporters" ADD CONSTRAINT "report_reporters_report_id_reports_id_fkey" FOREIGN KEY ("report_id") REFERENCES "reports"("id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_region_id_regions_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_concerned_unit_id_units_id_fkey" FOREIGN KEY ("concerned_unit_id") REFERENCES "units"("id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_received_by_id_users_id_fkey" FOREIGN KEY ("received_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_assigned_unit_id_units_id_fkey" FOREIGN KEY ("assigned_unit_id") REFERENCES "units"("id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_closed_by_id_users_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_merged_into_id_reports_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "reports"("id");--> statement-breakpoint
ALTER TABLE "village_assessments" ADD CONSTRAINT "village_assessments_village_id_regions_id_fkey" FOREIGN KEY ("village_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "village_assessments" ADD CONSTRAINT "village_assessments_reviewed_by_id_users_id_fkey" FOREIGN KEY ("reviewed_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "village_exits" ADD CONSTRAINT "village_exits_village_id_regions_id_fkey" FOREIGN KEY ("village_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "village_exits" ADD CONSTRAINT "village_exits_rewarded_by_id_users_id_fkey" FOREIGN KEY ("rewarded_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "village_supervisors" ADD CONSTRAINT "village_supervisors_village_id_regions_id_fkey" FOREIGN KEY ("village_id") REFERENCES "regions"("id");