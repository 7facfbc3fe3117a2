CREATE TYPE "notice_objection_status" AS ENUM('OPEN', 'ANSWERED');--> statement-breakpoint
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
CREATE INDEX "notice_objections_notice_idx" ON "notice_objections" ("notice_id","status");--> statement-breakpoint
CREATE INDEX "notice_objections_path_prefix_idx" ON "notice_objections" ("region_path" text_pattern_ops);--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_notice_id_disclosure_notices_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "disclosure_notices"("id");--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_answered_by_id_users_id_fkey" FOREIGN KEY ("answered_by_id") REFERENCES "users"("id");--> statement-breakpoint
ALTER TABLE "notice_objections" ADD CONSTRAINT "notice_objections_recorded_by_id_users_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "users"("id");