CREATE TABLE "item_deletions" (
	"space_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"visibility" text NOT NULL,
	"kind" text NOT NULL,
	"seq" bigint NOT NULL,
	CONSTRAINT "item_deletions_pkey" PRIMARY KEY("space_id","seq")
);
--> statement-breakpoint
CREATE TABLE "space_sync" (
	"space_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "seq" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "item_deletions" ADD CONSTRAINT "item_deletions_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "space_sync" ADD CONSTRAINT "space_sync_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "items_space_seq_idx" ON "items" USING btree ("space_id","seq");--> statement-breakpoint
-- Issue 23 (decision 0061): every write to an item takes the next position in its space.
-- The upsert holds the space's counter row until the write commits, so within a space
-- positions commit in order, and a device that synced up to N never misses a smaller one.
-- A restore (hearth restore) puts rows back as they were, counters included.
CREATE FUNCTION hearth_item_seq() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('hearth.restoring', true) = 'on' THEN RETURN NEW; END IF;
  INSERT INTO space_sync AS s (space_id, seq) VALUES (NEW.space_id, 1)
    ON CONFLICT (space_id) DO UPDATE SET seq = s.seq + 1
    RETURNING s.seq INTO NEW.seq;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER items_seq BEFORE INSERT OR UPDATE ON items FOR EACH ROW EXECUTE FUNCTION hearth_item_seq();
--> statement-breakpoint
-- A removed item leaves its id behind, with only who may hear of it, so a device drops
-- its copy; also when the removal cascades from a parent. A space being removed takes
-- everything with it, and no device syncs it any more.
CREATE FUNCTION hearth_item_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  next_ bigint;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM spaces WHERE id = OLD.space_id) THEN RETURN NULL; END IF;
  INSERT INTO space_sync AS s (space_id, seq) VALUES (OLD.space_id, 1)
    ON CONFLICT (space_id) DO UPDATE SET seq = s.seq + 1
    RETURNING s.seq INTO next_;
  INSERT INTO item_deletions (space_id, item_id, author_id, visibility, kind, seq)
    VALUES (OLD.space_id, OLD.id, OLD.author_id, OLD.visibility, OLD.kind, next_);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER items_deleted AFTER DELETE ON items FOR EACH ROW EXECUTE FUNCTION hearth_item_deleted();
