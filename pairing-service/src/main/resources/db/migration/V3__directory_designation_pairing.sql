-- District directory: schools with their demographics, staff, and the central-office leader supervising each school.
CREATE TABLE staff (
    id           uuid PRIMARY KEY,
    external_id  text    NOT NULL UNIQUE,
    name         text    NOT NULL,
    email        text    NOT NULL,
    role         text    NOT NULL,
    school_id    uuid,
    grade        text,
    active       boolean NOT NULL DEFAULT true,
    version      bigint  NOT NULL DEFAULT 0,
    CONSTRAINT staff_role_known CHECK (role IN ('PRINCIPAL', 'ASSISTANT_PRINCIPAL', 'LITERACY_COACH_PRIMARY',
        'LITERACY_COACH_INTERMEDIATE', 'TEACHER', 'CENTRAL_OFFICE_LEADER', 'DISTRICT_LITERACY_COACH', 'EXTERNAL_CONSULTANT'))
);
CREATE UNIQUE INDEX staff_email_unique ON staff (lower(email));

CREATE TABLE school (
    id                            uuid PRIMARY KEY,
    external_id                   text    NOT NULL UNIQUE,
    name                          text    NOT NULL,
    address                       text,
    latitude                      double precision,
    longitude                     double precision,
    grade_span                    text,
    enrollment                    integer CHECK (enrollment >= 0),
    free_reduced_lunch_percent    numeric(5, 2) CHECK (free_reduced_lunch_percent BETWEEN 0 AND 100),
    english_learner_percent       numeric(5, 2) CHECK (english_learner_percent BETWEEN 0 AND 100),
    reading_proficiency_percent   numeric(5, 2) CHECK (reading_proficiency_percent BETWEEN 0 AND 100),
    home_languages                integer CHECK (home_languages >= 0),
    race_ethnicity                jsonb   NOT NULL DEFAULT '{}'::jsonb,
    supervising_leader_id         uuid REFERENCES staff (id),
    version                       bigint  NOT NULL DEFAULT 0,
    CONSTRAINT school_coordinates_together CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX school_supervising_leader ON school (supervising_leader_id);

ALTER TABLE staff ADD CONSTRAINT staff_school FOREIGN KEY (school_id) REFERENCES school (id);
CREATE INDEX staff_school_idx ON staff (school_id);
-- One active principal per school, even when two admins assign one at the same time.
CREATE UNIQUE INDEX staff_one_principal_per_school ON staff (school_id) WHERE role = 'PRINCIPAL' AND active;

-- Readiness and studio designation of a school for a school year.
CREATE TABLE studio_designation (
    id                  uuid PRIMARY KEY,
    school_year_id      uuid    NOT NULL REFERENCES school_year (id),
    school_id           uuid    NOT NULL REFERENCES school (id),
    readiness           integer CHECK (readiness BETWEEN 1 AND 4),
    readiness_note      text,
    studio              boolean NOT NULL DEFAULT false,
    focus_teacher_id    uuid REFERENCES staff (id),
    literacy_coach_id   uuid REFERENCES staff (id),
    capacity            integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 10),
    version             bigint  NOT NULL DEFAULT 0,
    UNIQUE (school_year_id, school_id)
);

-- A matching run's proposed pairs, edited by district leaders until confirmed.
CREATE TABLE matching_proposal (
    id              uuid PRIMARY KEY,
    school_year_id  uuid        NOT NULL REFERENCES school_year (id),
    status          text        NOT NULL CHECK (status IN ('DRAFT', 'CONFIRMED')),
    request         jsonb       NOT NULL,
    pairs           jsonb       NOT NULL,
    unmatched       jsonb       NOT NULL,
    total_score     double precision NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0
);

CREATE TABLE pairing (
    id                uuid PRIMARY KEY,
    school_year_id    uuid    NOT NULL REFERENCES school_year (id),
    studio_school_id  uuid    NOT NULL REFERENCES school (id),
    proposal_id       uuid REFERENCES matching_proposal (id),
    active            boolean NOT NULL DEFAULT true,
    dissolved_reason  text,
    team_version      integer NOT NULL DEFAULT 1,
    version           bigint  NOT NULL DEFAULT 0
);
-- A studio school hosts one active pairing per year.
CREATE UNIQUE INDEX pairing_one_active_per_studio ON pairing (school_year_id, studio_school_id) WHERE active;

CREATE TABLE pairing_residency (
    id              uuid    PRIMARY KEY,
    pairing_id      uuid    NOT NULL REFERENCES pairing (id),
    school_id       uuid    NOT NULL REFERENCES school (id),
    school_year_id  uuid    NOT NULL,
    active          boolean NOT NULL DEFAULT true,
    UNIQUE (pairing_id, school_id)
);
-- A residency school belongs to one active pairing per year.
CREATE UNIQUE INDEX pairing_residency_once_per_year ON pairing_residency (school_year_id, school_id) WHERE active;

-- Every version of a pairing's team, the current one included.
CREATE TABLE pairing_team_version (
    id            uuid        PRIMARY KEY,
    pairing_id    uuid        NOT NULL REFERENCES pairing (id),
    team_version  integer     NOT NULL,
    members       jsonb       NOT NULL,
    changed_by    text,
    note          text,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (pairing_id, team_version)
);
