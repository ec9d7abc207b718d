-- The district's learning loop: who did what in public at each session, try-on commitments with their history,
-- and who recorded the pre-visit plan (building ownership).

-- Who presented the problem of practice (the host team or a residency team, with its school) and who led the debrief.
ALTER TABLE session
    ADD COLUMN problem_presented_by           text CHECK (problem_presented_by IN ('HOST_TEAM', 'RESIDENCY_TEAM')),
    ADD COLUMN problem_presented_by_school_id uuid,
    ADD COLUMN debrief_led_by_staff_id        uuid,
    ADD COLUMN learning_activity_recorded_at  timestamptz,
    -- Who recorded the pre-visit plan: the token's subject and whether it was a principal or the district office.
    ADD COLUMN pre_visit_plan_recorded_by     text,
    ADD COLUMN pre_visit_plan_recorded_as     text CHECK (pre_visit_plan_recorded_as IN ('PRINCIPAL', 'DISTRICT_OFFICE'));

-- What was demonstrated at a session, by whom (a member of the session's team) and in what form.
CREATE TABLE session_demonstration (
    id         uuid PRIMARY KEY,
    session_id uuid    NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    staff_id   uuid    NOT NULL,
    staff_name text    NOT NULL,
    school_id  uuid,
    role       text    NOT NULL CHECK (role IN ('CONSULTANT', 'STUDIO_TEACHER', 'STUDIO_TEACHER_WITH_COACH', 'RESIDENCY_TEACHER', 'COACH')),
    form       text    NOT NULL CHECK (form IN ('LIVE_LESSON', 'VIDEO_SEGMENT', 'CO_TEACHING', 'CONFERRING')),
    what       text    NOT NULL,
    UNIQUE (session_id, position)
);
CREATE INDEX session_demonstration_by_staff ON session_demonstration (staff_id);

-- Next steps are try-on commitments of a kind, closed with a short note of evidence.
ALTER TABLE next_step
    ADD COLUMN kind     text CHECK (kind IN ('TRY_IN_CLASSROOM', 'PLAN_OR_COTEACH_WITH_COACH', 'STUDY_A_TEXT', 'BRING_EVIDENCE',
                                             'LEADERSHIP_ACTION')),
    ADD COLUMN evidence text;

-- Every status change of a next step: from, to, when, by whom (the token's subject and role), and the evidence given.
CREATE TABLE next_step_status_change (
    id              uuid PRIMARY KEY,
    next_step_id    uuid        NOT NULL REFERENCES next_step (id) ON DELETE CASCADE,
    previous_status text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    at              timestamptz NOT NULL,
    by_subject      text,
    by_role         text,
    evidence        text
);
CREATE INDEX next_step_status_change_by_step ON next_step_status_change (next_step_id, at);
CREATE INDEX next_step_by_session ON next_step (session_id);
