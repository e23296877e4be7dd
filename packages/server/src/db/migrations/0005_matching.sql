CREATE TABLE "match_uploads" (
	"space_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"deck" text NOT NULL,
	"groups" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "match_uploads_space_id_user_id_deck_pk" PRIMARY KEY("space_id","user_id","deck")
);
--> statement-breakpoint
ALTER TABLE "match_uploads" ADD CONSTRAINT "match_uploads_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_uploads" ADD CONSTRAINT "match_uploads_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;