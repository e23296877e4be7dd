-- Decision 0048: every change to what the Today answer is made of announces itself on the
-- 'hearth_changes' channel as 'space:<id>' or 'user:<id>', so any Hearth process holding a
-- cached answer drops it. Triggers rather than application code, so no write path (the
-- worker, a restore, a future route) can forget to announce. NOTIFY is sent at commit, and
-- identical payloads in one transaction are sent once.
CREATE FUNCTION hearth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb := to_jsonb(COALESCE(NEW, OLD));
  i int := 0;
BEGIN
  -- Arguments come in pairs: a label and the column holding the id it names.
  WHILE i < TG_NARGS LOOP
    PERFORM pg_notify('hearth_changes', TG_ARGV[i] || ':' || (changed ->> TG_ARGV[i + 1]));
    i := i + 2;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A person's row is part of their partner's Today too (the members' time zones): their space hears it as well.
CREATE FUNCTION hearth_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  uid uuid;
  sid uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN uid := OLD.id; ELSE uid := NEW.id; END IF;
  PERFORM pg_notify('hearth_changes', 'user:' || uid);
  FOR sid IN SELECT space_id FROM memberships WHERE user_id = uid LOOP
    PERFORM pg_notify('hearth_changes', 'space:' || sid);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_changed AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION hearth_user_changed();
--> statement-breakpoint
CREATE TRIGGER sessions_changed AFTER INSERT OR UPDATE OR DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION hearth_changed('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER spaces_changed AFTER INSERT OR UPDATE OR DELETE ON spaces FOR EACH ROW EXECUTE FUNCTION hearth_changed('space', 'id');
--> statement-breakpoint
CREATE TRIGGER memberships_changed AFTER INSERT OR UPDATE OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION hearth_changed('space', 'space_id', 'user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER items_changed AFTER INSERT OR UPDATE OR DELETE ON items FOR EACH ROW EXECUTE FUNCTION hearth_changed('space', 'space_id');
--> statement-breakpoint
CREATE TRIGGER notifications_changed AFTER INSERT OR UPDATE OR DELETE ON notifications FOR EACH ROW EXECUTE FUNCTION hearth_changed('user', 'user_id');
--> statement-breakpoint
CREATE TRIGGER spark_consent_changed AFTER INSERT OR UPDATE OR DELETE ON spark_consent FOR EACH ROW EXECUTE FUNCTION hearth_changed('space', 'space_id');
--> statement-breakpoint
-- TRUNCATE fires no row triggers (a restore starts with one): everything cached is then suspect.
CREATE FUNCTION hearth_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hearth_changes', 'all');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_truncated AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION hearth_truncated();
--> statement-breakpoint
CREATE TRIGGER sessions_truncated AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION hearth_truncated();
--> statement-breakpoint
CREATE TRIGGER spaces_truncated AFTER TRUNCATE ON spaces FOR EACH STATEMENT EXECUTE FUNCTION hearth_truncated();
--> statement-breakpoint
CREATE TRIGGER memberships_truncated AFTER TRUNCATE ON memberships FOR EACH STATEMENT EXECUTE FUNCTION hearth_truncated();
--> statement-breakpoint
CREATE TRIGGER items_truncated AFTER TRUNCATE ON items FOR EACH STATEMENT EXECUTE FUNCTION hearth_truncated();
--> statement-breakpoint
CREATE TRIGGER notifications_truncated AFTER TRUNCATE ON notifications FOR EACH STATEMENT EXECUTE FUNCTION hearth_truncated();
--> statement-breakpoint
CREATE TRIGGER spark_consent_truncated AFTER TRUNCATE ON spark_consent FOR EACH STATEMENT EXECUTE FUNCTION hearth_truncated();
