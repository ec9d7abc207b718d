-- Every email is a persisted delivery; dedupe_key (source event or digest period, recipient) stops duplicates.
CREATE TABLE delivery (
    id              uuid PRIMARY KEY,
    dedupe_key      text        NOT NULL UNIQUE,
    template        text        NOT NULL,
    recipient_email text        NOT NULL,
    school_id       uuid,
    subject         text        NOT NULL,
    status          text        NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    last_error      text,
    smtp_message_id text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT delivery_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);
CREATE INDEX delivery_school ON delivery (school_id, created_at DESC);
