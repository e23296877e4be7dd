CREATE TABLE "photo_chunks" (
	"space_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"photo_id" uuid NOT NULL,
	"variant" text NOT NULL,
	"n" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "photo_chunks_pkey" PRIMARY KEY("space_id","item_id","photo_id","variant","n")
);
--> statement-breakpoint
CREATE TABLE "photos" (
	"space_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"variant" text NOT NULL,
	"author_id" uuid NOT NULL,
	"size" integer NOT NULL,
	"complete" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "photos_pkey" PRIMARY KEY("space_id","item_id","id","variant")
);
--> statement-breakpoint
ALTER TABLE "photo_chunks" ADD CONSTRAINT "photo_chunks_photo_fk" FOREIGN KEY ("space_id","item_id","photo_id","variant") REFERENCES "public"."photos"("space_id","item_id","id","variant") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "photos" ADD CONSTRAINT "photos_item_fk" FOREIGN KEY ("space_id","item_id") REFERENCES "public"."items"("space_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "photos_incomplete_idx" ON "photos" USING btree ("created_at") WHERE not "photos"."complete";