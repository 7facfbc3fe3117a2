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
CREATE UNIQUE INDEX "combat_group_members_uq" ON "combat_group_members" ("combat_group_id","cadre_id") WHERE "ended_on" is null;