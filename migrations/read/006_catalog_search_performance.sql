-- Up Migration
-- Keep the catalog's heap narrow: descriptions and the search vector (about 1.7 kB per course) are stored
-- out of line, so index-driven scans touch few pages and never unpack them unless a row is returned.
ALTER TABLE read.course_cards SET (toast_tuple_target = 128);
-- A small title-only vector, stored inline, ranks title matches above description matches cheaply.
ALTER TABLE read.course_cards
  ADD COLUMN title_search tsvector GENERATED ALWAYS AS (to_tsvector('english', title) || to_tsvector('russian', title)) STORED;

-- Down Migration
ALTER TABLE read.course_cards DROP COLUMN title_search;
ALTER TABLE read.course_cards RESET (toast_tuple_target);
