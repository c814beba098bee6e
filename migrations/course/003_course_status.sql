-- Up Migration
-- Courses start as drafts and reach the catalog once their owner publishes them; every existing course was
-- already public, so existing rows are published.
ALTER TABLE course.courses
  ADD COLUMN status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published'));
ALTER TABLE course.courses ALTER COLUMN status SET DEFAULT 'draft';

-- Down Migration
ALTER TABLE course.courses DROP COLUMN status;
