-- The directory lists page by name (then id); these let a page read the index instead of sorting every school or
-- staff member of the district for each request.
CREATE INDEX school_by_name ON school (name, id);
CREATE INDEX staff_by_name ON staff (name, id);
