-- Item ids are unique within their space (decision 0052): the key becomes (space_id, id), and
-- the two references to an item name its space too. "items_pkey" is PostgreSQL's name for the old key.
ALTER TABLE "items" DROP CONSTRAINT "items_parent_id_items_id_fk";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_item_id_items_id_fk";--> statement-breakpoint
ALTER TABLE "items" DROP CONSTRAINT "items_pkey";--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_pkey" PRIMARY KEY("space_id","id");--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_parent_fk" FOREIGN KEY ("space_id","parent_id") REFERENCES "public"."items"("space_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_item_fk" FOREIGN KEY ("space_id","item_id") REFERENCES "public"."items"("space_id","id") ON DELETE cascade ON UPDATE no action;
