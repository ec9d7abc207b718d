-- Read model of pairing-service's schools, staff and pairings (with their teams), built from its events.
CREATE TABLE school (
    id           uuid PRIMARY KEY,
    external_id  text,
    name         text NOT NULL,
    principal_id uuid
);

CREATE TABLE staff (
    id          uuid PRIMARY KEY,
    external_id text,
    name        text    NOT NULL,
    email       text,
    role        text    NOT NULL,
    school_id   uuid,
    active      boolean NOT NULL DEFAULT true
);

CREATE TABLE pairing (
    id                 uuid PRIMARY KEY,
    school_year_id     uuid    NOT NULL,
    studio_school_id   uuid    NOT NULL,
    studio_school_name text    NOT NULL,
    team_version       integer NOT NULL,
    dissolved          boolean NOT NULL DEFAULT false,
    dissolved_reason   text,
    version            bigint  NOT NULL DEFAULT 0
);
CREATE INDEX pairing_by_year ON pairing (school_year_id);

CREATE TABLE pairing_residency_school (
    pairing_id uuid NOT NULL REFERENCES pairing (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    school_id  uuid NOT NULL,
    name       text NOT NULL,
    PRIMARY KEY (pairing_id, position)
);

CREATE TABLE pairing_member (
    pairing_id uuid NOT NULL REFERENCES pairing (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    staff_id   uuid NOT NULL,
    name       text NOT NULL,
    email      text,
    role       text NOT NULL,
    school_id  uuid,
    team_role  text NOT NULL,
    PRIMARY KEY (pairing_id, position)
);
CREATE INDEX pairing_member_by_staff ON pairing_member (staff_id);
