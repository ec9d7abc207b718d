-- What happens at and after a session: the principals' plan, agenda, attendance, notes, next steps, evaluations.
ALTER TABLE session
    ADD COLUMN focus               text CHECK (focus IN ('READ_ALOUD', 'SHARED_READING', 'GUIDED_READING',
                                                        'INDEPENDENT_READING', 'WORD_STUDY', 'WRITING_WORKSHOP')),
    ADD COLUMN problem_of_practice text,
    ADD COLUMN pre_visit_plan      text,
    ADD COLUMN agenda              text,
    ADD COLUMN demonstrated        text,
    ADD COLUMN notes               text;

CREATE TABLE session_attendance (
    session_id uuid    NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    staff_id   uuid    NOT NULL,
    name       text    NOT NULL,
    present    boolean NOT NULL,
    PRIMARY KEY (session_id, staff_id)
);

CREATE TABLE next_step (
    id                   uuid PRIMARY KEY,
    session_id           uuid NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    description          text NOT NULL,
    owner_staff_id       uuid NOT NULL,
    owner_name           text NOT NULL,
    owner_school_id      uuid,
    due_date             date NOT NULL,
    status               text NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE')),
    due_soon_announced   boolean NOT NULL DEFAULT false,
    overdue_announced    boolean NOT NULL DEFAULT false,
    version              bigint NOT NULL DEFAULT 0
);
CREATE INDEX next_step_open_by_due ON next_step (due_date) WHERE status <> 'DONE';

CREATE TABLE evaluation (
    id         uuid PRIMARY KEY,
    pairing_id uuid    NOT NULL REFERENCES pairing (id),
    session_id uuid REFERENCES session (id) ON DELETE CASCADE,
    staff_id   uuid    NOT NULL,
    rating     integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment    text,
    created_at timestamptz NOT NULL DEFAULT now()
);
-- One evaluation per person per session, and one end-of-year evaluation (no session) per person per pairing.
CREATE UNIQUE INDEX evaluation_per_session ON evaluation (session_id, staff_id) WHERE session_id IS NOT NULL;
CREATE UNIQUE INDEX evaluation_end_of_year ON evaluation (pairing_id, staff_id) WHERE session_id IS NULL;
