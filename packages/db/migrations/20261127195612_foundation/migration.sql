CREATE TYPE "backing_level" AS ENUM('NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY');--> statement-breakpoint
CREATE TYPE "region_level" AS ENUM('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'GROUP');--> statement-breakpoint
CREATE TYPE "role" AS ENUM('COUNTY_ADMIN', 'TOWNSHIP_CLERK', 'VILLAGE_CLERK', 'HELPER', 'SUPERVISOR', 'AUDITOR', 'LEADER', 'DEVELOPER');--> statement-breakpoint
CREATE TYPE "unit_kind" AS ENUM('COUNTY_LEADERSHIP', 'COUNTY_DEPARTMENT', 'BACKING_UNIT', 'TOWNSHIP_GOVERNMENT', 'WORK_STATION', 'VILLAGE_COMMITTEE');--> statement-breakpoint
CREATE TYPE "village_kind" AS ENUM('POOR_VILLAGE', 'NON_POOR_WITH_POOR', 'NON_POOR', 'COMMUNITY');--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer,
	"jurisdiction_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"username" text NOT NULL UNIQUE,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" "role"[] NOT NULL,
	"may_unmask" boolean DEFAULT false NOT NULL,
	"cadre_id" integer,
	"failed_login_count" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"county_id" integer,
	"region_path" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "regions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer,
	"parent_id" integer,
	"region_path" text NOT NULL UNIQUE,
	"level" "region_level" NOT NULL,
	"code" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"village_kind" "village_kind",
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cadres" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cadres_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"post" text NOT NULL,
	"phone" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "units_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"region_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" "unit_kind" NOT NULL,
	"backing_level" "backing_level",
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_county_name_uq" UNIQUE("county_id","name")
);
--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" ("user_id");--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_occurred_idx" ON "audit_log" ("occurred_at");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" ("parent_id","sort_order");--> statement-breakpoint
CREATE INDEX "regions_county_level_idx" ON "regions" ("county_id","level");--> statement-breakpoint
CREATE INDEX "regions_path_prefix_idx" ON "regions" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cadres_unit_idx" ON "cadres" ("unit_id");--> statement-breakpoint
CREATE INDEX "cadres_path_prefix_idx" ON "cadres" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "units_region_idx" ON "units" ("region_id");--> statement-breakpoint
CREATE INDEX "units_path_prefix_idx" ON "units" ("region_path" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_county_id_regions_id_fkey" FOREIGN KEY ("county_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_jurisdiction_id_regions_id_fkey" FOREIGN KEY ("jurisdiction_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_cadre_id_cadres_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadres"("id");--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_county_id_regions_id_fkey" FOREIGN KEY ("county_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_id_regions_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "cadres" ADD CONSTRAINT "cadres_unit_id_units_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_region_id_regions_id_fkey" FOREIGN KEY ("region_id") REFERENCES "regions"("id");