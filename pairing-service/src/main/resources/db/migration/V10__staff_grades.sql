-- A teacher may teach several grades (a 2/3 combination class); grade stays as the first of them.
ALTER TABLE staff ADD COLUMN grades jsonb NOT NULL DEFAULT '[]'::jsonb;
UPDATE staff SET grades = jsonb_build_array(grade) WHERE grade IS NOT NULL;
