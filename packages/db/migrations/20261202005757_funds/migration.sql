CREATE TYPE "audit_finding_status" AS ENUM('OPEN', 'CLOSED');--> statement-breakpoint
CREATE TYPE "fund_source_category" AS ENUM('FISCAL_POVERTY', 'INTEGRATED_AGRI', 'CREDIT', 'SECTOR', 'SOCIAL', 'COUNTY_BUDGET', 'OTHER');--> statement-breakpoint
CREATE TYPE "notice_subject" AS ENUM('PLAN', 'ALLOCATION', 'PROJECT');--> statement-breakpoint
CREATE TYPE "project_state" AS ENUM('APPLICATION', 'TOWNSHIP_REVIEW', 'COUNTY_APPRAISAL', 'APPROVED', 'IN_LIBRARY', 'IMPLEMENTATION', 'COMPLETION_ACCEPTANCE', 'ASSET_HANDOVER', 'REMOVED');--> statement-breakpoint
CREATE TABLE "audit_findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"project_id" integer,
	"source_id" integer,
	"description" text NOT NULL,
	"amount_fen" bigint,
	"found_on" date NOT NULL,
	"auditor" text NOT NULL,
	"status" "audit_finding_status" DEFAULT 'OPEN'::"audit_finding_status" NOT NULL,
	"task_id" integer,
	"closed_at" timestamp with time zone,
	"recorded_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_findings_subject_ck" CHECK ("project_id" is not null or "source_id" is not null),
	CONSTRAINT "audit_findings_amount_ck" CHECK ("amount_fen" is null or "amount_fen" >= 0),
	CONSTRAINT "audit_findings_closed_ck" CHECK (("status" = 'CLOSED') = ("closed_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disbursements_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"project_id" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"paid_by_id" integer,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disbursements_amount_ck" CHECK ("amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "disclosure_notices" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "disclosure_notices_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"subject" "notice_subject" NOT NULL,
	"project_id" integer,
	"title" text NOT NULL,
	"posting_place" text NOT NULL,
	"posted_on" date NOT NULL,
	"last_day_posted" date NOT NULL,
	"published_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disclosure_notices_period_ck" CHECK ("posted_on" <= "last_day_posted"),
	CONSTRAINT "disclosure_notices_project_ck" CHECK ("subject" <> 'PROJECT' or "project_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "fund_allocations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_allocations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"source_id" integer NOT NULL,
	"project_id" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"allocated_on" date NOT NULL,
	"allocated_by_id" integer,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_allocations_amount_ck" CHECK ("amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_overlaps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_overlaps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"container_id" integer NOT NULL,
	"contained_id" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_overlaps_pair_uq" UNIQUE("container_id","contained_id"),
	CONSTRAINT "fund_overlaps_distinct_ck" CHECK ("container_id" <> "contained_id"),
	CONSTRAINT "fund_overlaps_amount_ck" CHECK ("amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_reported_totals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_reported_totals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reported_in" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_reported_totals_years_ck" CHECK ("from_year" <= "to_year"),
	CONSTRAINT "fund_reported_totals_amount_ck" CHECK ("amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "fund_sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "fund_sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"category" "fund_source_category" NOT NULL,
	"name" text NOT NULL,
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"allocated_fen" bigint DEFAULT 0 NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fund_sources_years_ck" CHECK ("from_year" <= "to_year"),
	CONSTRAINT "fund_sources_cap_ck" CHECK ("allocated_fen" >= 0 and "allocated_fen" <= "amount_fen")
);
--> statement-breakpoint
CREATE TABLE "project_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"project_id" integer NOT NULL,
	"from_state" "project_state",
	"to_state" "project_state" NOT NULL,
	"acted_on" date NOT NULL,
	"acted_by_id" integer,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "projects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"year" integer NOT NULL,
	"region_id" integer NOT NULL,
	"responsible_unit_id" integer NOT NULL,
	"budget_fen" bigint NOT NULL,
	"beneficiary_households" integer DEFAULT 0 NOT NULL,
	"beneficiary_people" integer DEFAULT 0 NOT NULL,
	"beneficiary_poor_people" integer DEFAULT 0 NOT NULL,
	"performance_target" text NOT NULL,
	"poverty_link" text NOT NULL,
	"state" "project_state" DEFAULT 'APPLICATION'::"project_state" NOT NULL,
	"allocated_fen" bigint DEFAULT 0 NOT NULL,
	"disbursed_fen" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_budget_ck" CHECK ("budget_fen" >= 0),
	CONSTRAINT "projects_target_ck" CHECK (length(trim("performance_target")) > 0),
	CONSTRAINT "projects_beneficiaries_ck" CHECK ("beneficiary_households" >= 0 and "beneficiary_poor_people" >= 0 and "beneficiary_poor_people" <= "beneficiary_people"),
	CONSTRAINT "projects_cap_ck" CHECK ("allocated_fen" >= 0 and "disbursed_fen" >= 0 and "disbursed_fen" <= "allocated_fen")
);
--> statement-breakpoint
CREATE INDEX "audit_findings_project_idx" ON "audit_findings" ("project_id");--> statement-breakpoint
CREATE INDEX "audit_findings_source_idx" ON "audit_findings" ("source_id");--> statement-breakpoint
CREATE INDEX "audit_findings_task_idx" ON "audit_findings" ("task_id");--> statement-breakpoint
CREATE INDEX "audit_findings_path_prefix_idx" ON "audit_findings" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "disbursements_project_idx" ON "disbursements" ("project_id","paid_on");--> statement-breakpoint
CREATE INDEX "disbursements_path_prefix_idx" ON "disbursements" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "disclosure_notices_project_idx" ON "disclosure_notices" ("project_id");--> statement-breakpoint
CREATE INDEX "disclosure_notices_path_prefix_idx" ON "disclosure_notices" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "fund_allocations_source_idx" ON "fund_allocations" ("source_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_project_idx" ON "fund_allocations" ("project_id");--> statement-breakpoint
CREATE INDEX "fund_allocations_path_prefix_idx" ON "fund_allocations" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "fund_overlaps_contained_idx" ON "fund_overlaps" ("contained_id");--> statement-breakpoint
CREATE INDEX "fund_overlaps_path_prefix_idx" ON "fund_overlaps" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "fund_reported_totals_county_idx" ON "fund_reported_totals" ("county_id","from_year","to_year");--> statement-breakpoint
CREATE INDEX "fund_sources_path_prefix_idx" ON "fund_sources" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "fund_sources_county_year_idx" ON "fund_sources" ("county_id","from_year","to_year");--> statement-breakpoint
CREATE INDEX "project_steps_project_idx" ON "project_steps" ("project_id","id");--> statement-breakpoint
CREATE INDEX "project_steps_path_prefix_idx" ON "project_steps" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "projects_path_prefix_idx" ON "projects" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "projects_county_year_idx" ON "projects" ("county_id","year");--> statement-breakpoint
CREATE INDEX "projects_region_idx" ON "projects" ("region_id");--> statement-breakpoint
CREATE INDEX "projects_unit_idx" ON "projects" ("responsible_unit_id");--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_project_id_projects_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id");--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_source_id_fund_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "fund_sources"("id");--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_task_id_tasks_id_fkey" FOREIGN KEY ("task_id") REFERENCES "tasks"("id");--> statement-breakpoint
ALTER TABLE "audit_findings" ADD CONSTRAINT "audit_findings_recorded_by_id_users_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_project_id_projects_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id");--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_paid_by_id_users_id_fkey" FOREIGN KEY ("paid_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "disclosure_notices" ADD CONSTRAINT "disclosure_notices_project_id_projects_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id");--> statement-breakpoint
ALTER TABLE "disclosure_notices" ADD CONSTRAINT "disclosure_notices_published_by_id_users_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_source_id_fund_sources_id_fkey" FOREIGN KEY ("source_id") REFERENCES "fund_sources"("id");--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_project_id_projects_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id");--> statement-breakpoint
ALTER TABLE "fund_allocations" ADD CONSTRAINT "fund_allocations_allocated_by_id_users_id_fkey" FOREIGN KEY ("allocated_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "fund_overlaps" ADD CONSTRAINT "fund_overlaps_container_id_fund_sources_id_fkey" FOREIGN KEY ("container_id") REFERENCES "fund_sources"("id");--> statement-breakpoint
ALTER TABLE "fund_overlaps" ADD CONSTRAINT "fund_overlaps_contained_id_fund_sources_id_fkey" FOREIGN KEY ("contained_id") REFERENCES "fund_sources"("id");--> statement-breakpoint
ALTER TABLE "project_steps" ADD CONSTRAINT "project_steps_project_id_projects_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id");--> statement-breakpoint
ALTER TABLE "project_steps" ADD CONSTRAINT "project_steps_acted_by_id_users_id_fkey" FOREIGN KEY ("acted_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_region_id_regions_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_responsible_unit_id_units_id_fkey" FOREIGN KEY ("responsible_unit_id") REFERENCES "units"("id");