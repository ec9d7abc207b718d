-- A school year's pairing revision: every change to the year's pairings (confirmation, team change, dissolution)
-- takes the next number in its transaction. Events carry it, so session-service can tell a caller whether it has
-- applied every change up to the one the caller just made (read-your-writes across services).
CREATE TABLE pairing_year_revision (
    school_year_id uuid PRIMARY KEY,
    revision       bigint NOT NULL
);

ALTER TABLE pairing ADD COLUMN year_revision bigint NOT NULL DEFAULT 0;
