CREATE TYPE "actor_role" AS ENUM('VILLAGE_CLERK', 'TOWNSHIP_CLERK', 'COUNTY_ADMIN');--> statement-breakpoint
CREATE TYPE "application_kind" AS ENUM('IDENTIFY', 'EXIT', 'RETURN', 'REMOVE_WRONGLY_INCLUDED', 'ADD_MISSED', 'END_POLICY');--> statement-breakpoint
CREATE TYPE "application_state" AS ENUM('IN_PROGRESS', 'COMPLETED', 'REJECTED', 'WITHDRAWN');--> statement-breakpoint
CREATE TYPE "disability_grade" AS ENUM('NONE', 'GRADE_1', 'GRADE_2', 'GRADE_3', 'GRADE_4');--> statement-breakpoint
CREATE TYPE "education_level" AS ENUM('PRESCHOOL', 'ILLITERATE', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY', 'COLLEGE_OR_ABOVE');--> statement-breakpoint
CREATE TYPE "exit_verification_outcome" AS ENUM('CORRECT_EXIT', 'WRONG_EXIT');--> statement-breakpoint
CREATE TYPE "finding_state" AS ENUM('OPEN', 'CONFIRMED', 'DISMISSED');--> statement-breakpoint
CREATE TYPE "health_condition" AS ENUM('HEALTHY', 'CHRONIC_ILLNESS', 'SERIOUS_ILLNESS', 'DISABLED');--> statement-breakpoint
CREATE TYPE "household_attribute" AS ENUM('ORDINARY', 'MINIMUM_LIVELIHOOD', 'EXTREME_POVERTY_SUPPORT');--> statement-breakpoint
CREATE TYPE "household_status" AS ENUM('NON_POOR', 'POOR', 'EXITED', 'EXITED_NO_POLICY', 'RETURNED');--> statement-breakpoint
CREATE TYPE "housing_grade" AS ENUM('A', 'B', 'C', 'D');--> statement-breakpoint
CREATE TYPE "labour_capacity" AS ENUM('FULL', 'PARTIAL', 'NONE');--> statement-breakpoint
CREATE TYPE "measure_kind" AS ENUM('HOUSING', 'SOCIAL_ASSISTANCE', 'EDUCATION_AID', 'MEDICAL', 'DISABILITY_RELIEF', 'INDUSTRY', 'EMPLOYMENT', 'RELOCATION', 'MICROCREDIT', 'OTHER');--> statement-breakpoint
CREATE TYPE "measure_status" AS ENUM('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "monitoring_procedure" AS ENUM('IDENTIFICATION', 'ELIMINATION');--> statement-breakpoint
CREATE TYPE "monitoring_state" AS ENUM('IDENTIFYING', 'MONITORED', 'ELIMINATING', 'RISK_ELIMINATED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "monitoring_type" AS ENUM('UNSTABLE_EXITED', 'EDGE_PRONE', 'SUDDEN_HARDSHIP');--> statement-breakpoint
CREATE TYPE "poverty_cause" AS ENUM('ILLNESS', 'DISABILITY', 'SCHOOLING', 'DISASTER', 'LACK_OF_LAND', 'LACK_OF_WATER', 'LACK_OF_SKILLS', 'LACK_OF_LABOUR', 'LACK_OF_CAPITAL', 'POOR_TRANSPORT', 'LACK_OF_MOTIVATION', 'OTHER');--> statement-breakpoint
CREATE TYPE "procedure_step" AS ENUM('VILLAGE_DELIBERATION', 'FIRST_NOTICE', 'TOWNSHIP_REVIEW', 'SECOND_NOTICE', 'COUNTY_APPROVAL', 'ANNOUNCEMENT');--> statement-breakpoint
CREATE TYPE "relation_to_head" AS ENUM('HEAD', 'SPOUSE', 'SON', 'DAUGHTER', 'SON_IN_LAW', 'DAUGHTER_IN_LAW', 'GRANDSON', 'GRANDDAUGHTER', 'FATHER', 'MOTHER', 'SIBLING', 'OTHER');--> statement-breakpoint
CREATE TYPE "risk_kind" AS ENUM('ILLNESS', 'DISABILITY', 'DISASTER', 'ACCIDENT', 'INCOME_DROP', 'EMPLOYMENT_LOSS', 'SCHOOLING_COST', 'OTHER');--> statement-breakpoint
CREATE TYPE "rules_advice" AS ENUM('SUPPORTS', 'OPPOSES');--> statement-breakpoint
CREATE TYPE "school_enrolment" AS ENUM('NOT_ENROLLED', 'ENROLLED', 'OUT_FOR_HEALTH');--> statement-breakpoint
CREATE TYPE "sector_record_kind" AS ENUM('PUBLIC_PAYROLL', 'VILLAGE_CADRE', 'VEHICLE', 'TOWN_PROPERTY', 'LUXURY_RENOVATION', 'BUSINESS', 'LONG_TERM_EMPLOYER', 'LARGE_SCALE_FARMER', 'CONTRACTOR', 'SPLIT_HOUSEHOLD', 'GHOST_REGISTRATION', 'SELF_FUNDED_STUDY_ABROAD', 'COMMERCIAL_PENSION', 'UNRECTIFIED_ILLEGAL_ACT', 'UNEXPLAINED_REPORT');--> statement-breakpoint
CREATE TYPE "sex" AS ENUM('MALE', 'FEMALE');--> statement-breakpoint
CREATE TYPE "step_decision" AS ENUM('APPROVED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "survey_sample_kind" AS ENUM('EXITED', 'NON_REGISTERED', 'REGISTERED_POOR');--> statement-breakpoint
CREATE TABLE "application_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "application_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"application_id" integer NOT NULL,
	"sequence" integer NOT NULL,
	"step" "procedure_step" NOT NULL,
	"decision" "step_decision" NOT NULL,
	"actor_user_id" integer,
	"actor_name" text NOT NULL,
	"actor_role" "actor_role" NOT NULL,
	"acted_on" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_steps_sequence_uq" UNIQUE("application_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "exclusion_findings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exclusion_findings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"household_id" integer NOT NULL,
	"rule_id" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"evidence_digest" text NOT NULL,
	"sources" text[] NOT NULL,
	"explanation" jsonb NOT NULL,
	"state" "finding_state" DEFAULT 'OPEN'::"finding_state" NOT NULL,
	"screened_on" date NOT NULL,
	"decision_reason" text,
	"decided_by_user_id" integer,
	"decided_at" timestamp with time zone,
	"application_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exclusion_findings_evidence_uq" UNIQUE("household_id","rule_id","evidence_digest"),
	CONSTRAINT "exclusion_findings_dismiss_reason_ck" CHECK ("state" <> 'DISMISSED' or coalesce(length(trim("decision_reason")), 0) > 0)
);
--> statement-breakpoint
CREATE TABLE "exit_verifications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exit_verifications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"household_id" integer NOT NULL,
	"year" integer NOT NULL,
	"verified_on" date NOT NULL,
	"verifier_user_id" integer,
	"procedure_followed" boolean NOT NULL,
	"household_agreed" boolean NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"outcome" "exit_verification_outcome" NOT NULL,
	"explanation" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exit_verifications_household_year_uq" UNIQUE("household_id","year")
);
--> statement-breakpoint
CREATE TABLE "household_measures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "household_measures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"household_id" integer NOT NULL,
	"monitoring_object_id" integer,
	"kind" "measure_kind" NOT NULL,
	"status" "measure_status" DEFAULT 'PLANNED'::"measure_status" NOT NULL,
	"description" text NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"started_on" date,
	"completed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_objects" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitoring_objects_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"household_id" integer NOT NULL,
	"year" integer NOT NULL,
	"type" "monitoring_type" NOT NULL,
	"state" "monitoring_state" DEFAULT 'IDENTIFYING'::"monitoring_state" NOT NULL,
	"risk_kinds" "risk_kind"[] NOT NULL,
	"risk_note" text DEFAULT '' NOT NULL,
	"responsible_cadre_id" integer NOT NULL,
	"procedure" "monitoring_procedure" DEFAULT 'IDENTIFICATION'::"monitoring_procedure" NOT NULL,
	"steps_done" integer DEFAULT 0 NOT NULL,
	"clue_on" date NOT NULL,
	"identified_on" date,
	"eliminated_on" date,
	"classification" jsonb NOT NULL,
	"elimination_assessment" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_steps" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitoring_steps_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"monitoring_object_id" integer NOT NULL,
	"procedure" "monitoring_procedure" NOT NULL,
	"sequence" integer NOT NULL,
	"step" text NOT NULL,
	"decision" "step_decision" NOT NULL,
	"actor_user_id" integer,
	"actor_name" text NOT NULL,
	"actor_role" "actor_role" NOT NULL,
	"acted_on" date NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitoring_steps_sequence_uq" UNIQUE("monitoring_object_id","procedure","sequence")
);
--> statement-breakpoint
CREATE TABLE "status_applications" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "status_applications_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"household_id" integer NOT NULL,
	"kind" "application_kind" NOT NULL,
	"year" integer NOT NULL,
	"from_status" "household_status" NOT NULL,
	"to_status" "household_status" NOT NULL,
	"state" "application_state" DEFAULT 'IN_PROGRESS'::"application_state" NOT NULL,
	"next_step" "procedure_step",
	"steps_done" integer DEFAULT 0 NOT NULL,
	"rules_advice" "rules_advice" NOT NULL,
	"rules_outcome" text NOT NULL,
	"rules_explanation" jsonb NOT NULL,
	"reason" text NOT NULL,
	"against_advice_reason" text,
	"exclusion_finding_id" integer,
	"started_by_user_id" integer,
	"started_on" date NOT NULL,
	"completed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "status_applications_against_advice_ck" CHECK ("rules_advice" = 'SUPPORTS' or coalesce(length(trim("against_advice_reason")), 0) > 0)
);
--> statement-breakpoint
CREATE TABLE "survey_samples" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "survey_samples_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"village_id" integer NOT NULL,
	"household_id" integer,
	"year" integer NOT NULL,
	"kind" "survey_sample_kind" NOT NULL,
	"respondent_name" text NOT NULL,
	"persons" integer NOT NULL,
	"wrong_exit" boolean,
	"missed" boolean,
	"recognises" boolean NOT NULL,
	"surveyed_on" date NOT NULL,
	"surveyor_user_id" integer,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_samples_findings_ck" CHECK ("persons" > 0 and ("kind" = 'EXITED') = ("wrong_exit" is not null) and ("kind" = 'NON_REGISTERED') = ("missed" is not null))
);
--> statement-breakpoint
CREATE TABLE "household_guarantees" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "household_guarantees_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"household_id" integer NOT NULL,
	"year" integer NOT NULL,
	"checked_on" date NOT NULL,
	"enough_food" boolean NOT NULL,
	"enough_clothing" boolean NOT NULL,
	"housing_grade" "housing_grade" NOT NULL,
	"relocated" boolean DEFAULT false NOT NULL,
	"flat_handed_over" boolean,
	"water_litres_per_person_per_day" integer NOT NULL,
	"water_scarce_area" boolean DEFAULT false NOT NULL,
	"water_quality_passed" boolean NOT NULL,
	"water_piped_to_home" boolean NOT NULL,
	"water_fetch_minutes" integer,
	"water_horizontal_metres" integer,
	"water_vertical_metres" integer,
	"water_outage_days_per_year" integer DEFAULT 0 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_guarantees_household_year_uq" UNIQUE("household_id","year"),
	CONSTRAINT "household_guarantees_water_ck" CHECK ("water_litres_per_person_per_day" >= 0 and "water_outage_days_per_year" between 0 and 366)
);
--> statement-breakpoint
CREATE TABLE "household_incomes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "household_incomes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"household_id" integer NOT NULL,
	"year" integer NOT NULL,
	"household_size" integer NOT NULL,
	"wages_fen" bigint DEFAULT 0 NOT NULL,
	"business_income_fen" bigint DEFAULT 0 NOT NULL,
	"business_costs_fen" bigint DEFAULT 0 NOT NULL,
	"property_income_fen" bigint DEFAULT 0 NOT NULL,
	"transfer_income_fen" bigint DEFAULT 0 NOT NULL,
	"net_income_fen" bigint NOT NULL,
	"per_capita_net_income_fen" bigint NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_incomes_household_year_uq" UNIQUE("household_id","year"),
	CONSTRAINT "household_incomes_non_negative_ck" CHECK ("wages_fen" >= 0 and "business_income_fen" >= 0 and "business_costs_fen" >= 0 and "property_income_fen" >= 0 and "transfer_income_fen" >= 0 and "household_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "household_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "household_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"household_id" integer NOT NULL,
	"name" text NOT NULL,
	"id_number" text NOT NULL CONSTRAINT "household_members_id_number_uq" UNIQUE,
	"relation" "relation_to_head" NOT NULL,
	"sex" "sex" NOT NULL,
	"birth_date" date NOT NULL,
	"education" "education_level" NOT NULL,
	"health" "health_condition" NOT NULL,
	"disability" "disability_grade" DEFAULT 'NONE'::"disability_grade" NOT NULL,
	"labour_capacity" "labour_capacity" NOT NULL,
	"school_enrolment" "school_enrolment" DEFAULT 'NOT_ENROLLED'::"school_enrolment" NOT NULL,
	"medical_insured" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_members_id_number_ck" CHECK ("id_number" ~ '^[0-9]{17}[0-9X]$')
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "households_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"village_id" integer NOT NULL,
	"household_number" text NOT NULL,
	"group_name" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"phone" text,
	"attribute" "household_attribute" NOT NULL,
	"main_cause" "poverty_cause" NOT NULL,
	"status" "household_status" NOT NULL,
	"identified_year" integer,
	"exited_year" integer,
	"monitored" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_county_number_uq" UNIQUE("county_id","household_number"),
	CONSTRAINT "households_years_ck" CHECK (("identified_year" is null or "identified_year" between 2000 and 2100) and ("exited_year" is null or "exited_year" between 2000 and 2100))
);
--> statement-breakpoint
CREATE TABLE "sector_records" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sector_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"id_number" text NOT NULL,
	"kind" "sector_record_kind" NOT NULL,
	"details" jsonb DEFAULT '{}' NOT NULL,
	"source" text NOT NULL,
	"recorded_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "village_populations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "village_populations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"village_id" integer NOT NULL,
	"year" integer NOT NULL,
	"rural_population" integer NOT NULL,
	"rural_households" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "village_populations_village_year_uq" UNIQUE("village_id","year"),
	CONSTRAINT "village_populations_positive_ck" CHECK ("rural_population" > 0 and "rural_households" > 0)
);
--> statement-breakpoint
CREATE INDEX "application_steps_path_prefix_idx" ON "application_steps" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "exclusion_findings_state_idx" ON "exclusion_findings" ("state");--> statement-breakpoint
CREATE INDEX "exclusion_findings_path_prefix_idx" ON "exclusion_findings" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "exit_verifications_path_prefix_idx" ON "exit_verifications" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "household_measures_household_idx" ON "household_measures" ("household_id");--> statement-breakpoint
CREATE INDEX "household_measures_monitoring_idx" ON "household_measures" ("monitoring_object_id");--> statement-breakpoint
CREATE INDEX "household_measures_path_prefix_idx" ON "household_measures" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_objects_one_active_uq" ON "monitoring_objects" ("household_id") WHERE "state" not in ('RISK_ELIMINATED', 'REJECTED');--> statement-breakpoint
CREATE INDEX "monitoring_objects_household_idx" ON "monitoring_objects" ("household_id");--> statement-breakpoint
CREATE INDEX "monitoring_objects_cadre_idx" ON "monitoring_objects" ("responsible_cadre_id");--> statement-breakpoint
CREATE INDEX "monitoring_objects_path_prefix_idx" ON "monitoring_objects" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "monitoring_steps_path_prefix_idx" ON "monitoring_steps" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "status_applications_one_open_uq" ON "status_applications" ("household_id") WHERE "state" = 'IN_PROGRESS';--> statement-breakpoint
CREATE INDEX "status_applications_household_idx" ON "status_applications" ("household_id");--> statement-breakpoint
CREATE INDEX "status_applications_state_step_idx" ON "status_applications" ("state","next_step");--> statement-breakpoint
CREATE INDEX "status_applications_path_prefix_idx" ON "status_applications" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "survey_samples_village_year_idx" ON "survey_samples" ("village_id","year");--> statement-breakpoint
CREATE INDEX "survey_samples_path_prefix_idx" ON "survey_samples" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "household_guarantees_path_prefix_idx" ON "household_guarantees" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "household_incomes_path_prefix_idx" ON "household_incomes" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "household_members_one_head_uq" ON "household_members" ("household_id") WHERE "relation" = 'HEAD';--> statement-breakpoint
CREATE INDEX "household_members_household_idx" ON "household_members" ("household_id");--> statement-breakpoint
CREATE INDEX "household_members_id_tail_idx" ON "household_members" (right("id_number", 4));--> statement-breakpoint
CREATE INDEX "household_members_path_prefix_idx" ON "household_members" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "households_village_status_idx" ON "households" ("village_id","status");--> statement-breakpoint
CREATE INDEX "households_path_prefix_idx" ON "households" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sector_records_id_number_idx" ON "sector_records" ("id_number");--> statement-breakpoint
CREATE INDEX "sector_records_path_prefix_idx" ON "sector_records" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "village_populations_path_prefix_idx" ON "village_populations" ("region_path" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "application_steps" ADD CONSTRAINT "application_steps_application_id_status_applications_id_fkey" FOREIGN KEY ("application_id") REFERENCES "status_applications"("id");--> statement-breakpoint
ALTER TABLE "application_steps" ADD CONSTRAINT "application_steps_actor_user_id_users_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "exclusion_findings" ADD CONSTRAINT "exclusion_findings_household_id_households_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id");--> statement-breakpoint
ALTER TABLE "exclusion_findings" ADD CONSTRAINT "exclusion_findings_decided_by_user_id_users_id_fkey" FOREIGN KEY ("decided_by_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "exit_verifications" ADD CONSTRAINT "exit_verifications_household_id_households_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id");--> statement-breakpoint
ALTER TABLE "exit_verifications" ADD CONSTRAINT "exit_verifications_verifier_user_id_users_id_fkey" FOREIGN KEY ("verifier_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "household_measures" ADD CONSTRAINT "household_measures_household_id_households_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id");--> statement-breakpoint
ALTER TABLE "household_measures" ADD CONSTRAINT "household_measures_A3c46ZHaBU8a_fkey" FOREIGN KEY ("monitoring_object_id") REFERENCES "monitoring_objects"("id");--> statement-breakpoint
ALTER TABLE "monitoring_objects" ADD CONSTRAINT "monitoring_objects_household_id_households_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id");--> statement-breakpoint
ALTER TABLE "monitoring_objects" ADD CONSTRAINT "monitoring_objects_responsible_cadre_id_cadres_id_fkey" FOREIGN KEY ("responsible_cadre_id") REFERENCES "cadres"("id");--> statement-breakpoint
ALTER TABLE "monitoring_steps" ADD CONSTRAINT "monitoring_steps_MpDZlbfqCkGr_fkey" FOREIGN KEY ("monitoring_object_id") REFERENCES "monitoring_objects"("id");--> statement-breakpoint
ALTER TABLE "monitoring_steps" ADD CONSTRAINT "monitoring_steps_actor_user_id_users_id_fkey" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "status_applications" ADD CONSTRAINT "status_applications_household_id_households_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id");--> statement-breakpoint
ALTER TABLE "status_applications" ADD CONSTRAINT "status_applications_started_by_user_id_users_id_fkey" FOREIGN KEY ("started_by_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "survey_samples" ADD CONSTRAINT "survey_samples_village_id_regions_id_fkey" FOREIGN KEY ("village_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "survey_samples" ADD CONSTRAINT "survey_samples_household_id_households_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id");--> statement-breakpoint
ALTER TABLE "survey_samples" ADD CONSTRAINT "survey_samples_surveyor_user_id_users_id_fkey" FOREIGN KEY ("surveyor_user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "household_guarantees" ADD CONSTRAINT "household_guarantees_household_id_households_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id");--> statement-breakpoint
ALTER TABLE "household_incomes" ADD CONSTRAINT "household_incomes_household_id_households_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id");--> statement-breakpoint
ALTER TABLE "household_members" ADD CONSTRAINT "household_members_household_id_households_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id");--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_village_id_regions_id_fkey" FOREIGN KEY ("village_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "village_populations" ADD CONSTRAINT "village_populations_village_id_regions_id_fkey" FOREIGN KEY ("village_id") REFERENCES "regions"("id");