-- Substitute coverage: one request per released teacher per session, kept in step with the session.
CREATE TABLE coverage_request (
    id               uuid PRIMARY KEY,
    session_id       uuid        NOT NULL REFERENCES session (id),
    pairing_id       uuid        NOT NULL,
    staff_id         uuid        NOT NULL,
    teacher_name     text        NOT NULL,
    teacher_email    text,
    school_id        uuid,
    date             date        NOT NULL,
    half_day         text        NOT NULL CHECK (half_day IN ('AM', 'PM')),
    status           text        NOT NULL CHECK (status IN ('PENDING', 'REQUESTED', 'FILLED', 'UNFILLED', 'CANCELLED')),
    -- Goes up with every change the HR system must hear about; with the id it forms the Idempotency-Key.
    revision         integer     NOT NULL DEFAULT 1,
    hr_job_id        text,
    substitute_id    text,
    substitute_name  text,
    at_risk_raised   boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    version          bigint      NOT NULL DEFAULT 0
);
-- One live request per teacher and session, whatever races happen.
CREATE UNIQUE INDEX coverage_request_live ON coverage_request (session_id, staff_id) WHERE status <> 'CANCELLED';
CREATE INDEX coverage_request_date ON coverage_request (date);
CREATE INDEX coverage_request_job ON coverage_request (hr_job_id);

-- Calls owed to the HR system, committed with the coverage change; the dispatcher sends them in order per request.
CREATE TABLE hr_dispatch (
    id                  bigserial PRIMARY KEY,
    coverage_request_id uuid        NOT NULL REFERENCES coverage_request (id),
    action              text        NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'CANCEL')),
    idempotency_key     text        NOT NULL UNIQUE,
    attempts            integer     NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz NOT NULL,
    last_error          text,
    sent_at             timestamptz,
    created_at          timestamptz NOT NULL
);
CREATE INDEX hr_dispatch_due ON hr_dispatch (next_attempt_at) WHERE sent_at IS NULL;

ALTER TABLE session ADD COLUMN coverage_at_risk boolean NOT NULL DEFAULT false;
