-- A principal's reads find their school's pairings by school, not by scanning the district's year.
CREATE INDEX pairing_by_studio_school ON pairing (studio_school_id);
CREATE INDEX pairing_residency_by_school ON pairing_residency_school (school_id);
