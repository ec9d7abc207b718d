-- A page of a year's sessions is read in list order (date, half-day, number, id): with every ordering column in the
-- index, the page's ids and the total come from the index alone, without sorting the year's sessions per request.
CREATE INDEX session_list_order ON session (school_year_id, date, half_day, number, id);
