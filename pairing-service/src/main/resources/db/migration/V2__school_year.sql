CREATE TABLE school_year (
    id         uuid PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    first_day  date NOT NULL,
    last_day   date NOT NULL,
    version    bigint NOT NULL DEFAULT 0,
    CONSTRAINT school_year_days_in_order CHECK (last_day > first_day)
);
