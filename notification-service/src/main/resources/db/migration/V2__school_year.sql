-- Read model of pairing-service's school years (digests and summaries name the year).
CREATE TABLE school_year (
    id         uuid PRIMARY KEY,
    name       text NOT NULL,
    first_day  date NOT NULL,
    last_day   date NOT NULL,
    version    bigint NOT NULL DEFAULT 0
);
