-- A person's secret calendar feed link as session-service announced it (calendar-subscription.created.v1), so their
-- own digest and schedule emails can carry it; the row is deleted when the subscription is revoked. The URL is the
-- feed's credential: it is never logged and never shown to anyone but this person (deploy/EVENTS.md).
CREATE TABLE calendar_subscription (
    id          uuid PRIMARY KEY,
    staff_id    uuid        NOT NULL,
    email       text,
    url         text        NOT NULL,
    webcal_url  text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX calendar_subscription_staff ON calendar_subscription (staff_id);
CREATE INDEX calendar_subscription_email ON calendar_subscription (lower(email));
