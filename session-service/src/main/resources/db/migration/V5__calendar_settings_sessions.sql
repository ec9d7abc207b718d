-- District settings: one row. Issue #5 (substitute coverage) reuses the cap and the roles that need a substitute.
CREATE TABLE district_setting (
    id                      integer PRIMARY KEY CHECK (id = 1),
    sessions_per_pairing    integer NOT NULL DEFAULT 6 CHECK (sessions_per_pairing BETWEEN 1 AND 40),
    min_days_between        integer NOT NULL DEFAULT 14 CHECK (min_days_between BETWEEN 0 AND 120),
    daily_substitute_cap    integer NOT NULL DEFAULT 30 CHECK (daily_substitute_cap >= 0),
    substitute_team_roles   text    NOT NULL DEFAULT 'STUDIO_TEACHER,RESIDENCY_TEACHER',
    preferred_weekdays      text    NOT NULL DEFAULT 'TUESDAY,WEDNESDAY,THURSDAY',
    am_start                time    NOT NULL DEFAULT '08:30',
    am_end                  time    NOT NULL DEFAULT '11:45',
    pm_start                time    NOT NULL DEFAULT '12:30',
    pm_end                  time    NOT NULL DEFAULT '15:15',
    time_zone               text    NOT NULL DEFAULT 'America/Los_Angeles',
    version                 bigint  NOT NULL DEFAULT 0
);
INSERT INTO district_setting (id) VALUES (1);

-- The daily substitute cap on particular dates (e.g. fewer substitutes on Fridays before a long weekend).
CREATE TABLE substitute_cap_override (
    date date PRIMARY KEY,
    cap  integer NOT NULL CHECK (cap >= 0)
);

-- District calendar: weekdays of a school year are instructional unless a day entry says otherwise.
CREATE TABLE calendar_day (
    school_year_id uuid NOT NULL REFERENCES school_year (id),
    date           date NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('HOLIDAY', 'BREAK', 'DISTRICT_BLACKOUT', 'EARLY_RELEASE', 'INSTRUCTIONAL')),
    note           text,
    PRIMARY KEY (school_year_id, date)
);

CREATE TABLE school_blackout (
    school_year_id uuid NOT NULL REFERENCES school_year (id),
    school_id      uuid NOT NULL,
    date           date NOT NULL,
    reason         text,
    PRIMARY KEY (school_id, date)
);

CREATE TABLE consultant (
    staff_id              uuid PRIMARY KEY,
    name                  text    NOT NULL,
    max_sessions_per_week integer NOT NULL DEFAULT 3 CHECK (max_sessions_per_week BETWEEN 1 AND 10),
    version               bigint  NOT NULL DEFAULT 0
);

-- Contracted days (when a consultant has any, they work only on those) and unavailable dates.
CREATE TABLE consultant_day (
    staff_id uuid NOT NULL REFERENCES consultant (staff_id) ON DELETE CASCADE,
    date     date NOT NULL,
    kind     text NOT NULL CHECK (kind IN ('CONTRACTED', 'UNAVAILABLE')),
    PRIMARY KEY (staff_id, date)
);

CREATE TABLE planning_job (
    id             uuid PRIMARY KEY,
    school_year_id uuid        NOT NULL REFERENCES school_year (id),
    status         text        NOT NULL CHECK (status IN ('SOLVING', 'SOLVED', 'STOPPED', 'FAILED', 'PUBLISHED')),
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz,
    best_score     text,
    explanation    text,
    error          text,
    version        bigint      NOT NULL DEFAULT 0
);
-- One running job per school year.
CREATE UNIQUE INDEX planning_job_one_solving ON planning_job (school_year_id) WHERE status = 'SOLVING';

CREATE TABLE session (
    id               uuid PRIMARY KEY,
    pairing_id       uuid    NOT NULL REFERENCES pairing (id),
    school_year_id   uuid    NOT NULL REFERENCES school_year (id),
    number           integer NOT NULL CHECK (number >= 1),
    date             date    NOT NULL,
    half_day         text    NOT NULL CHECK (half_day IN ('AM', 'PM')),
    status           text    NOT NULL CHECK (status IN ('PLANNED', 'PUBLISHED', 'HELD', 'SUMMARISED', 'CANCELLED')),
    cancel_reason    text,
    ics_sequence     integer NOT NULL DEFAULT 0,
    planning_job_id  uuid REFERENCES planning_job (id),
    -- A re-plan's proposed new slot for a published session, applied when the plan is published.
    proposed_date     date,
    proposed_half_day text CHECK (proposed_half_day IN ('AM', 'PM')),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          bigint  NOT NULL DEFAULT 0,
    CHECK (status <> 'CANCELLED' OR cancel_reason IS NOT NULL)
);
CREATE INDEX session_by_year ON session (school_year_id, date);
CREATE INDEX session_by_pairing ON session (pairing_id);
-- A pairing's session numbers are unique among the sessions that still count.
CREATE UNIQUE INDEX session_number_per_pairing ON session (pairing_id, number) WHERE status <> 'CANCELLED';

-- The double-booking guard: a person holds one row per half-day they are booked, for every session that is not
-- merely proposed or cancelled. Two transactions booking the same person into the same half-day cannot both commit.
CREATE TABLE person_booking (
    staff_id   uuid NOT NULL,
    date       date NOT NULL,
    half_day   text NOT NULL,
    session_id uuid NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    PRIMARY KEY (staff_id, date, half_day)
);
CREATE INDEX person_booking_by_session ON person_booking (session_id);
