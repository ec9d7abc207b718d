-- A contracted day can also be unavailable (a vacation inside the contract), so a date may appear once per kind.
ALTER TABLE consultant_day DROP CONSTRAINT consultant_day_pkey;
ALTER TABLE consultant_day ADD PRIMARY KEY (staff_id, date, kind);
