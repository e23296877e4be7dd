DROP INDEX "notifications_once_uq";--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "item_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "item_kind" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "remind_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "ref_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
-- Existing reminders get the key the dispatcher builds (reminder:<item>:<remindAt as ISO>), so none fires twice.
UPDATE "notifications" SET "dedupe_key" = 'reminder:' || "item_id" || ':' || to_char("remind_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');--> statement-breakpoint
ALTER TABLE "notifications" ALTER COLUMN "dedupe_key" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "notifications_item_remind_idx" ON "notifications" USING btree ("item_id","remind_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_once_uq" ON "notifications" USING btree ("user_id","dedupe_key");