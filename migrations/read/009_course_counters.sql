-- Up Migration
-- A course card's live counters move to a narrow table of their own. On the card, every enrollment or review
-- rewrote the whole row: Postgres recomputes stored generated columns (the search vectors) on any update, and a
-- counter in an index (the popular and rating orders) updates all eight of the card's indexes, its two GINs
-- among them, so no counter update was HOT. Here an update touches a small row and two small indexes.
CREATE TABLE read.course_counters (
  course_id         uuid PRIMARY KEY,
  -- The card's creation time, for ties in the popular and rating orders (never changes).
  created_at        timestamptz NOT NULL,
  enrollment_count  integer NOT NULL DEFAULT 0,
  review_count      integer NOT NULL DEFAULT 0,
  rating_sum        integer NOT NULL DEFAULT 0,
  -- Count of 1-star … 5-star reviews.
  rating_histogram  integer[] NOT NULL DEFAULT '{0,0,0,0,0}',
  avg_rating        numeric(3, 2) GENERATED ALWAYS AS (
                      CASE WHEN review_count = 0 THEN 0 ELSE round(rating_sum::numeric / review_count, 2) END) STORED
) WITH (fillfactor = 80);
INSERT INTO read.course_counters (course_id, created_at, enrollment_count, review_count, rating_sum, rating_histogram)
SELECT id, created_at, enrollment_count, review_count, rating_sum, rating_histogram FROM read.course_cards;
CREATE INDEX course_counters_popular ON read.course_counters (enrollment_count DESC, created_at DESC, course_id DESC);
CREATE INDEX course_counters_rating ON read.course_counters (avg_rating DESC, created_at DESC, course_id DESC);

DROP INDEX read.course_cards_popular;
DROP INDEX read.course_cards_rating;
ALTER TABLE read.course_cards
  DROP COLUMN avg_rating,
  DROP COLUMN enrollment_count,
  DROP COLUMN review_count,
  DROP COLUMN rating_sum,
  DROP COLUMN rating_histogram;

-- Down Migration
ALTER TABLE read.course_cards
  ADD COLUMN enrollment_count integer NOT NULL DEFAULT 0,
  ADD COLUMN review_count     integer NOT NULL DEFAULT 0,
  ADD COLUMN rating_sum       integer NOT NULL DEFAULT 0,
  ADD COLUMN rating_histogram integer[] NOT NULL DEFAULT '{0,0,0,0,0}',
  ADD COLUMN avg_rating       numeric(3, 2) GENERATED ALWAYS AS (
                                CASE WHEN review_count = 0 THEN 0 ELSE round(rating_sum::numeric / review_count, 2) END) STORED;
UPDATE read.course_cards c
   SET enrollment_count = k.enrollment_count, review_count = k.review_count, rating_sum = k.rating_sum,
       rating_histogram = k.rating_histogram
  FROM read.course_counters k WHERE k.course_id = c.id;
CREATE INDEX course_cards_rating ON read.course_cards (avg_rating DESC, created_at DESC);
CREATE INDEX course_cards_popular ON read.course_cards (enrollment_count DESC, created_at DESC);
DROP TABLE read.course_counters;
