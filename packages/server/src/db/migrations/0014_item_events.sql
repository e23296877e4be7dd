-- Issue 20 (decision 0057): an item's change says which item it was, so an open screen
-- reloads only what shows it. 'item:<space>:<audience>:<kind>:<id>', where the audience
-- is '*' for a shared item and the author's id for a private one: a partner's stream
-- never hears that a private item exists. The Today cache reads it as 'space:<space>'.
-- No content, only what the server already stores in plaintext (DESIGN §4).
CREATE FUNCTION hearth_item_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_ items;
BEGIN
  IF TG_OP = 'DELETE' THEN row_ := OLD; ELSE row_ := NEW; END IF;
  PERFORM pg_notify('hearth_changes', 'item:' || row_.space_id || ':'
    || CASE WHEN row_.visibility = 'private' THEN row_.author_id::text ELSE '*' END
    || ':' || row_.kind || ':' || row_.id);
  -- An item that turns private (or shared) leaves the audience it had: they hear it too.
  IF TG_OP = 'UPDATE' AND OLD.visibility <> NEW.visibility THEN
    PERFORM pg_notify('hearth_changes', 'item:' || OLD.space_id || ':'
      || CASE WHEN OLD.visibility = 'private' THEN OLD.author_id::text ELSE '*' END
      || ':' || OLD.kind || ':' || OLD.id);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER items_changed ON items;
--> statement-breakpoint
CREATE TRIGGER items_changed AFTER INSERT OR UPDATE OR DELETE ON items FOR EACH ROW EXECUTE FUNCTION hearth_item_changed();
--> statement-breakpoint
-- A blind-matching upload (decision 0011) says only its space and deck: 'match:<space>:<deck>'.
-- The partner's screen asks the server again what matches.
CREATE FUNCTION hearth_match_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('hearth_changes', 'match:' || OLD.space_id || ':' || OLD.deck);
  ELSE
    PERFORM pg_notify('hearth_changes', 'match:' || NEW.space_id || ':' || NEW.deck);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER match_uploads_changed AFTER INSERT OR UPDATE OR DELETE ON match_uploads FOR EACH ROW EXECUTE FUNCTION hearth_match_changed();
