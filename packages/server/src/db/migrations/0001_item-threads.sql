ALTER TABLE "items" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "remind_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_parent_id_items_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "items_space_parent_idx" ON "items" USING btree ("space_id","parent_id");--> statement-breakpoint
CREATE INDEX "items_remind_at_idx" ON "items" USING btree ("remind_at") WHERE "items"."remind_at" is not null;