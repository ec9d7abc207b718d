-- Secret calendar feed URLs for calendar apps that cannot send a bearer token (Google Calendar, Outlook). Only a hash
-- of each URL's token is kept, so the database never holds a working URL.
CREATE TABLE calendar_subscription (
    id          uuid PRIMARY KEY,
    token_hash  bytea       NOT NULL UNIQUE,
    staff_id    uuid,
    school_id   uuid,
    label       text        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    revoked_why text,
    CHECK ((staff_id IS NULL) <> (school_id IS NULL))
);
CREATE INDEX calendar_subscription_by_staff ON calendar_subscription (staff_id) WHERE revoked_at IS NULL;
CREATE INDEX calendar_subscription_by_school ON calendar_subscription (school_id) WHERE revoked_at IS NULL;
