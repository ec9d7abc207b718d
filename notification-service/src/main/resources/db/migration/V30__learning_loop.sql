-- The newest learning-loop snapshot of each pairing as session-service published it
-- (district.report.learning-loop-snapshot.v1): the leaders' monthly email and the principals' digests read it.
-- payload is the event's data as published; as_of orders snapshots, so an older one relayed late changes nothing.
CREATE TABLE learning_loop_snapshot (
    pairing_id      uuid PRIMARY KEY,
    school_year_id  uuid        NOT NULL,
    as_of           timestamptz NOT NULL,
    leader_staff_id uuid,
    leader_email    text,
    event_id        text        NOT NULL,
    payload         jsonb       NOT NULL
);
CREATE INDEX learning_loop_snapshot_leader ON learning_loop_snapshot (leader_staff_id, as_of DESC);
CREATE INDEX learning_loop_snapshot_schools ON learning_loop_snapshot USING gin ((payload -> 'schools') jsonb_path_ops);

-- Months whose learning-loop emails were prepared, so the monthly job does the work once however often it checks.
CREATE TABLE learning_loop_run (
    month       date PRIMARY KEY,
    prepared_at timestamptz NOT NULL DEFAULT now(),
    recorded    int NOT NULL
);

-- Images shown inline in a delivery's HTML (charts), each sent as an image part referenced by cid:<content_id>.
CREATE TABLE delivery_image (
    delivery_id  uuid NOT NULL REFERENCES delivery (id) ON DELETE CASCADE,
    position     int  NOT NULL,
    content_id   text NOT NULL,
    file_name    text NOT NULL,
    content_type text NOT NULL,
    data         bytea NOT NULL,
    PRIMARY KEY (delivery_id, position)
);
