-- Up Migration
-- Drafts stay out of lists and search; every card that exists today is a published course.
ALTER TABLE read.course_cards ADD COLUMN published boolean NOT NULL DEFAULT true;
ALTER TABLE read.course_cards ALTER COLUMN published SET DEFAULT false;

-- Near spellings ("pyhton") are found by trigram similarity to title words when full-text search finds nothing.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
CREATE INDEX course_cards_title_trgm ON read.course_cards USING gin (title public.gin_trgm_ops);

-- Down Migration
DROP INDEX read.course_cards_title_trgm;
ALTER TABLE read.course_cards DROP COLUMN published;
