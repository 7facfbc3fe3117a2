CREATE TYPE "visit_mode" AS ENUM('IN_PERSON', 'PHONE', 'OTHER');--> statement-breakpoint
CREATE TYPE "work_team_role" AS ENUM('CAPTAIN', 'FIRST_SECRETARY', 'MEMBER');--> statement-breakpoint
CREATE TABLE "pairings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "pairings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"helper_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pairings_dates_ck" CHECK ("end_date" is null or "end_date" >= "start_date" - 1)
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "visits_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"pairing_id" integer NOT NULL,
	"household_id" integer NOT NULL,
	"helper_id" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"mode" "visit_mode" NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"household_signed" boolean DEFAULT false NOT NULL,
	"helper_signed" boolean DEFAULT false NOT NULL,
	"village_signed" boolean DEFAULT false NOT NULL,
	"idempotency_key" text,
	"recorded_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_helper_key_uq" UNIQUE("helper_id","idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "work_team_members" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_team_members_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"work_team_id" integer NOT NULL,
	"cadre_id" integer NOT NULL,
	"role" "work_team_role" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_team_members_dates_ck" CHECK ("end_date" is null or "end_date" >= "start_date")
);
--> statement-breakpoint
CREATE TABLE "work_teams" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "work_teams_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"county_id" integer NOT NULL,
	"region_path" text NOT NULL,
	"village_id" integer NOT NULL,
	"backing_unit_id" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_teams_dates_ck" CHECK ("end_date" is null or "end_date" >= "start_date")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "pairings_open_household_uq" ON "pairings" ("household_id") WHERE "end_date" is null;--> statement-breakpoint
CREATE INDEX "pairings_helper_idx" ON "pairings" ("helper_id","end_date");--> statement-breakpoint
CREATE INDEX "pairings_household_idx" ON "pairings" ("household_id","start_date");--> statement-breakpoint
CREATE INDEX "pairings_path_prefix_idx" ON "pairings" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "visits_household_time_idx" ON "visits" ("household_id","occurred_at");--> statement-breakpoint
CREATE INDEX "visits_pairing_idx" ON "visits" ("pairing_id");--> statement-breakpoint
CREATE INDEX "visits_path_prefix_idx" ON "visits" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "work_team_members_team_idx" ON "work_team_members" ("work_team_id");--> statement-breakpoint
CREATE INDEX "work_team_members_cadre_idx" ON "work_team_members" ("cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_team_members_open_cadre_uq" ON "work_team_members" ("work_team_id","cadre_id") WHERE "end_date" is null;--> statement-breakpoint
CREATE INDEX "work_team_members_path_prefix_idx" ON "work_team_members" ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "work_teams_open_village_uq" ON "work_teams" ("village_id") WHERE "end_date" is null;--> statement-breakpoint
CREATE INDEX "work_teams_unit_idx" ON "work_teams" ("backing_unit_id");--> statement-breakpoint
CREATE INDEX "work_teams_path_prefix_idx" ON "work_teams" ("region_path" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_helper_id_cadres_id_fkey" FOREIGN KEY ("helper_id") REFERENCES "cadres"("id");--> statement-breakpoint
ALTER TABLE "pairings" ADD CONSTRAINT "pairings_household_id_households_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_pairing_id_pairings_id_fkey" FOREIGN KEY ("pairing_id") REFERENCES "pairings"("id");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_household_id_households_id_fkey" FOREIGN KEY ("household_id") REFERENCES "households"("id");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_helper_id_cadres_id_fkey" FOREIGN KEY ("helper_id") REFERENCES "cadres"("id");--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_recorded_by_id_users_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "work_team_members" ADD CONSTRAINT "work_team_members_work_team_id_work_teams_id_fkey" FOREIGN KEY ("work_team_id") REFERENCES "work_teams"("id");--> statement-breakpoint
ALTER TABLE "work_team_members" ADD CONSTRAINT "work_team_members_cadre_id_cadres_id_fkey" FOREIGN KEY ("cadre_id") REFERENCES "cadres"("id");--> statement-breakpoint
ALTER TABLE "work_teams" ADD CONSTRAINT "work_teams_village_id_regions_id_fkey" FOREIGN KEY ("village_id") REFERENCES "regions"("id");--> statement-breakpoint
ALTER TABLE "work_teams" ADD CONSTRAINT "work_teams_backing_unit_id_units_id_fkey" FOREIGN KEY ("backing_unit_id") REFERENCES "units"("id");--> statement-breakpoint
-- 每人帮扶不超过5户: at most 5 open pairings per helper. The helper's cadre row is locked first, so that
-- concurrent pairings of one helper queue here; the count is a later statement and sees their commits.
CREATE OR REPLACE FUNCTION pairings_helper_cap() RETURNS trigger AS $$
DECLARE
  open_pairings integer;
BEGIN
  IF NEW.end_date IS NOT NULL THEN
    RETURN NEW;
  END IF;
  PERFORM 1 FROM cadres WHERE id = NEW.helper_id FOR NO KEY UPDATE;
  SELECT count(*) INTO open_pairings FROM pairings
    WHERE helper_id = NEW.helper_id AND end_date IS NULL AND id <> NEW.id;
  IF open_pairings >= 5 THEN
    RAISE EXCEPTION 'helper % already has % open pairings (cap 5)', NEW.helper_id, open_pairings
      USING ERRCODE = 'check_violation', CONSTRAINT = 'pairings_helper_cap';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER pairings_helper_cap BEFORE INSERT OR UPDATE OF helper_id, end_date ON pairings
  FOR EACH ROW EXECUTE FUNCTION pairings_helper_cap();
