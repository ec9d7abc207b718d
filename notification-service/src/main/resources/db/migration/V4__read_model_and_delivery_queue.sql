-- Read model of pairing-service's directory: who leads each school and where their mail goes.
CREATE TABLE school (
    id                 uuid PRIMARY KEY,
    name               text NOT NULL,
    principal_staff_id uuid,
    principal_name     text,
    principal_email    text,
    leader_staff_id    uuid,
    leader_name        text,
    leader_email       text
);

CREATE TABLE staff (
    id        uuid PRIMARY KEY,
    name      text    NOT NULL,
    email     text,
    role      text    NOT NULL,
    school_id uuid,
    active    boolean NOT NULL DEFAULT true
);
CREATE INDEX staff_school ON staff (school_id);

-- Pairings and their teams; the team is kept whole as pairing-service sends it.
CREATE TABLE pairing (
    id                uuid PRIMARY KEY,
    school_year_id    uuid   NOT NULL,
    studio_school_id  uuid   NOT NULL,
    team_version      bigint NOT NULL,
    dissolved         boolean NOT NULL DEFAULT false
);
CREATE TABLE pairing_school (
    pairing_id uuid NOT NULL REFERENCES pairing (id) ON DELETE CASCADE,
    school_id  uuid NOT NULL,
    PRIMARY KEY (pairing_id, school_id)
);
CREATE TABLE pairing_member (
    pairing_id uuid NOT NULL REFERENCES pairing (id) ON DELETE CASCADE,
    staff_id   uuid NOT NULL,
    name       text NOT NULL,
    email      text,
    school_id  uuid,
    team_role  text NOT NULL,
    PRIMARY KEY (pairing_id, staff_id)
);

-- Sessions in their latest state as session-service announced it.
CREATE TABLE session (
    id                uuid PRIMARY KEY,
    pairing_id        uuid        NOT NULL,
    school_year_id    uuid,
    number            int         NOT NULL,
    date              date        NOT NULL,
    half_day          text        NOT NULL,
    starts_at         timestamptz,
    ends_at           timestamptz,
    status            text        NOT NULL,
    host_school_id    uuid        NOT NULL,
    host_school_name  text        NOT NULL,
    residency_names   text        NOT NULL,
    consultant_name   text,
    ics_uid           text,
    ics_sequence      int         NOT NULL DEFAULT 0,
    focus             text,
    problem_of_practice text,
    summarised_at     timestamptz,
    CONSTRAINT session_half_day CHECK (half_day IN ('AM', 'PM'))
);
CREATE INDEX session_date ON session (date);
-- Every school taking part (host and residency), for "what concerns my school" questions.
CREATE TABLE session_school (
    session_id uuid NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    school_id  uuid NOT NULL,
    PRIMARY KEY (session_id, school_id)
);
CREATE INDEX session_school_school ON session_school (school_id);

CREATE TABLE next_step (
    id             uuid PRIMARY KEY,
    session_id     uuid NOT NULL,
    description    text NOT NULL,
    owner_staff_id uuid,
    owner_name     text,
    due_date       date,
    status         text NOT NULL
);
CREATE INDEX next_step_session ON next_step (session_id);

CREATE TABLE coverage_request (
    id                uuid PRIMARY KEY,
    session_id        uuid NOT NULL,
    date              date NOT NULL,
    half_day          text NOT NULL,
    teacher_staff_id  uuid NOT NULL,
    teacher_name      text NOT NULL,
    teacher_school_id uuid,
    status            text NOT NULL,
    substitute_name   text
);
CREATE INDEX coverage_request_school_date ON coverage_request (teacher_school_id, date);

-- What a principal chose for the mail of their school.
CREATE TABLE recipient_preference (
    school_id           uuid PRIMARY KEY,
    summaries_in_digest boolean     NOT NULL DEFAULT false,
    digest_enabled      boolean     NOT NULL DEFAULT true,
    updated_at          timestamptz NOT NULL DEFAULT now()
);

-- The delivery becomes a queue row: rendered once when due, sent by the scheduled sender with backoff.
ALTER TABLE delivery
    ADD COLUMN recipient_name   text,
    ADD COLUMN source_event_ids text[]      NOT NULL DEFAULT '{}',
    ADD COLUMN html_body        text        NOT NULL DEFAULT '',
    ADD COLUMN text_body        text        NOT NULL DEFAULT '',
    ADD COLUMN calendar         text,
    ADD COLUMN calendar_method  text,
    ADD COLUMN next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT delivery_calendar_method CHECK (calendar_method IS NULL OR calendar_method IN ('REQUEST', 'CANCEL')),
    ADD CONSTRAINT delivery_attempts CHECK (attempts >= 0);
-- smtp_message_id is assigned when the delivery is recorded and reused on every attempt, so a retry after a crash
-- carries the same Message-ID as the copy the SMTP server may already have accepted.
UPDATE delivery SET smtp_message_id = '<' || id || '@notification.studio-residency>' WHERE smtp_message_id IS NULL;
ALTER TABLE delivery ALTER COLUMN smtp_message_id SET NOT NULL;
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_recipient ON delivery (recipient_email, created_at DESC);

-- Weekly digest periods already prepared, so the digest job does the work once per week however often it checks.
CREATE TABLE digest_run (
    period_start date PRIMARY KEY,
    prepared_at  timestamptz NOT NULL DEFAULT now(),
    recorded     int NOT NULL
);
