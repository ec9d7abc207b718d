-- A next step's latest status as session-service announced it: changed_at is when session-service made the change
-- this row reflects, so a change relayed late (older than what is kept) cannot reopen a step that was closed.
ALTER TABLE next_step
    ADD COLUMN closed_at  timestamptz,
    ADD COLUMN changed_at timestamptz;

-- Who takes part in a session as session-service last announced it (a team change included); team_version orders
-- team changes, so an older one relayed late does not bring back the old team.
ALTER TABLE session ADD COLUMN team_version bigint NOT NULL DEFAULT 0;
CREATE TABLE session_participant (
    session_id uuid NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    staff_id   uuid NOT NULL,
    name       text,
    email      text,
    school_id  uuid,
    team_role  text,
    PRIMARY KEY (session_id, staff_id)
);

-- Conflicts session-service found on a booked session after a change made elsewhere, and their resolution.
CREATE TABLE session_conflict (
    id          uuid PRIMARY KEY,
    session_id  uuid        NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    kind        text        NOT NULL,
    detail      text        NOT NULL,
    detected_at timestamptz,
    resolved_at timestamptz,
    resolution  text
);
CREATE INDEX session_conflict_session ON session_conflict (session_id);
