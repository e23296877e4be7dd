CREATE TABLE "nudge_days" (
	"user_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"planned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "nudge_days_user_id_local_date_pk" PRIMARY KEY("user_id","local_date")
);
--> statement-breakpoint
CREATE TABLE "nudge_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"daily_budget" integer NOT NULL,
	"spacing_minutes" integer NOT NULL,
	"next_plan_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "nudges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"space_id" uuid NOT NULL,
	"local_date" date NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"prompt_id" text NOT NULL,
	"state" text NOT NULL,
	"snoozed_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"sent_thinking_of_you" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "nudge_days" ADD CONSTRAINT "nudge_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nudge_preferences" ADD CONSTRAINT "nudge_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nudges" ADD CONSTRAINT "nudges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nudges" ADD CONSTRAINT "nudges_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "nudge_preferences_next_plan_idx" ON "nudge_preferences" USING btree ("next_plan_at");--> statement-breakpoint
CREATE INDEX "nudges_waiting_due_idx" ON "nudges" USING btree ("due_at") WHERE "nudges"."state" in ('planned', 'snoozed');--> statement-breakpoint
CREATE INDEX "nudges_user_date_idx" ON "nudges" USING btree ("user_id","local_date");