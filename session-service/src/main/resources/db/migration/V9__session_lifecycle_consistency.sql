-- Read-your-writes across services: how many of each pairing revision's events this service has applied, and the
-- year's applied revision (every revision up to it complete). See deploy/EVENTS.md, "Read-your-writes".
CREATE TABLE pairing_revision_progress (
    school_year_id uuid    NOT NULL,
    revision       bigint  NOT NULL,
    expected       integer NOT NULL CHECK (expected >= 1),
    applied        integer NOT NULL CHECK (applied >= 0),
    PRIMARY KEY (school_year_id, revision)
);

CREATE TABLE pairing_year_applied (
    school_year_id   uuid PRIMARY KEY,
    applied_revision bigint NOT NULL,
    -- The highest revision any event has mentioned: a change partly received is waited for.
    heard_revision   bigint NOT NULL
);

-- Planning jobs: queued behind another job, superseded by a newer plan; the pairing revision they planned on and,
-- for a failed job, a reason a leader can act on (error).
ALTER TABLE planning_job DROP CONSTRAINT planning_job_status_check;
ALTER TABLE planning_job ADD CONSTRAINT planning_job_status_check
    CHECK (status IN ('QUEUED', 'SOLVING', 'SOLVED', 'STOPPED', 'FAILED', 'PUBLISHED', 'SUPERSEDED'));
DROP INDEX planning_job_one_solving;
CREATE UNIQUE INDEX planning_job_one_running ON planning_job (school_year_id) WHERE status IN ('QUEUED', 'SOLVING');
ALTER TABLE planning_job ADD COLUMN pairing_revision bigint NOT NULL DEFAULT 0;
ALTER TABLE planning_job ADD COLUMN superseded_by uuid;

-- Next steps: dropped as well as done, with when they were closed and by whom they last changed.
ALTER TABLE next_step DROP CONSTRAINT next_step_status_check;
ALTER TABLE next_step ADD CONSTRAINT next_step_status_check CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'));
ALTER TABLE next_step ADD COLUMN closed_at timestamptz;
ALTER TABLE next_step ADD COLUMN status_changed_at timestamptz;
ALTER TABLE next_step ADD COLUMN status_changed_by text;
DROP INDEX next_step_open_by_due;
CREATE INDEX next_step_open_by_due ON next_step (due_date) WHERE status IN ('OPEN', 'IN_PROGRESS');

-- A hard rule broken for a booked session by a change decided elsewhere (a team change in pairing-service).
CREATE TABLE session_conflict (
    id                   uuid PRIMARY KEY,
    session_id           uuid        NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    kind                 text        NOT NULL CHECK (kind IN ('PERSON_DOUBLE_BOOKED', 'SUBSTITUTE_CAP_EXCEEDED')),
    date                 date        NOT NULL,
    half_day             text        NOT NULL CHECK (half_day IN ('AM', 'PM')),
    staff_id             uuid,
    staff_name           text,
    other_session_id     uuid,
    substitute_half_days integer,
    cap                  integer,
    detail               text        NOT NULL,
    detected_at          timestamptz NOT NULL,
    resolved_at          timestamptz,
    resolution           text
);
-- One open conflict per session and kind and person (a person double-booked twice in a session is one conflict).
CREATE UNIQUE INDEX session_conflict_open ON session_conflict (session_id, kind, coalesce(staff_id, '00000000-0000-0000-0000-000000000000'))
    WHERE resolved_at IS NULL;
CREATE INDEX session_conflict_open_by_slot ON session_conflict (date, half_day) WHERE resolved_at IS NULL;
