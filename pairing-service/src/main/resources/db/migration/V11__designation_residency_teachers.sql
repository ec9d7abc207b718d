-- The teachers of a school who take part in its pairing as residency teachers, named with its designation for the year.
ALTER TABLE studio_designation ADD COLUMN residency_teacher_ids jsonb NOT NULL DEFAULT '[]'::jsonb;
