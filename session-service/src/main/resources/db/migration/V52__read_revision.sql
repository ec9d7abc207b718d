-- The read revision: one number that every committed change to what the portal reads moves on. A service keeps
-- rendered answers of its frequent reads and serves one only while the revision it was rendered at is still the
-- current one, so a write on any replica (or by hand in psql) is seen by the next read on every replica.
--
-- The bump runs at commit (a deferred constraint trigger), so the revision row is the last lock a writing transaction
-- takes: two writers can wait for each other there but never deadlock, and a reader never waits. It runs once per
-- transaction however many rows change (a transaction-local setting remembers it was done).
CREATE TABLE read_revision (
    id       smallint PRIMARY KEY CHECK (id = 1),
    revision bigint   NOT NULL
);
INSERT INTO read_revision (id, revision) VALUES (1, 0);

CREATE FUNCTION bump_read_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('studio.read_revision_bumped', true) IS DISTINCT FROM txid_current()::text THEN
        UPDATE read_revision SET revision = revision + 1 WHERE id = 1;
        PERFORM set_config('studio.read_revision_bumped', txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

-- Every table but the revision itself, Flyway's history and the bookkeeping no read shows (listed below; the
-- service's ReadRevisionTest fails when a later migration adds a table without these triggers).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
             AND tablename NOT IN ('read_revision', 'flyway_schema_history', 'outbox_event', 'processed_event') LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER read_revision_on_change AFTER INSERT OR UPDATE OR DELETE ON %I'
                       || ' DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_read_revision()', t.tablename);
        EXECUTE format('CREATE TRIGGER read_revision_on_truncate AFTER TRUNCATE ON %I'
                       || ' FOR EACH STATEMENT EXECUTE FUNCTION bump_read_revision()', t.tablename);
    END LOOP;
END
$$;
