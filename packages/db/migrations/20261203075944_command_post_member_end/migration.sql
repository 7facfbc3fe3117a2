ALTER TABLE "command_post_members" ADD COLUMN "ended_on" date;--> statement-breakpoint
DROP INDEX "command_post_members_cadre_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "command_post_members_cadre_uq" ON "command_post_members" ("command_post_id","cadre_id") WHERE "ended_on" is null;--> statement-breakpoint
DROP INDEX "command_post_members_one_commander_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "command_post_members_one_commander_uq" ON "command_post_members" ("command_post_id") WHERE "role" = 'COMMANDER' and "ended_on" is null;