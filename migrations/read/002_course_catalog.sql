-- Up Migration
CREATE TABLE read.course_cards (
  id                uuid PRIMARY KEY,
  teacher_id        uuid NOT NULL,
  title             text NOT NULL,
  description       text NOT NULL,
  is_free           boolean NOT NULL,
  price             numeric(10, 2) NOT NULL,
  duration_minutes  integer NOT NULL,
  level             text NOT NULL,
  created_at        timestamptz NOT NULL,
  version           integer NOT NULL,
  enrollment_count  integer NOT NULL DEFAULT 0,
  review_count      integer NOT NULL DEFAULT 0,
  rating_sum        integer NOT NULL DEFAULT 0,
  avg_rating        numeric(3, 2) GENERATED ALWAYS AS (
                      CASE WHEN review_count = 0 THEN 0 ELSE round(rating_sum::numeric / review_count, 2) END) STORED,
  -- Title outranks description; English stemming plus Russian stemming so both languages match word forms.
  search            tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('english', title), 'A') ||
                      setweight(to_tsvector('russian', title), 'A') ||
                      setweight(to_tsvector('english', description), 'B') ||
                      setweight(to_tsvector('russian', description), 'B')) STORED
);
CREATE INDEX course_cards_search ON read.course_cards USING gin (search);
CREATE INDEX course_cards_newest ON read.course_cards (created_at DESC, id DESC);
CREATE INDEX course_cards_teacher ON read.course_cards (teacher_id, created_at DESC);
CREATE INDEX course_cards_rating ON read.course_cards (avg_rating DESC, created_at DESC);
CREATE INDEX course_cards_popular ON read.course_cards (enrollment_count DESC, created_at DESC);
CREATE INDEX course_cards_price ON read.course_cards (price, created_at DESC);

CREATE TABLE read.curricula (
  course_id     uuid PRIMARY KEY,
  modules       jsonb NOT NULL,
  total_lessons integer NOT NULL,
  version       integer NOT NULL
);

-- Where each lesson sits in its course now: the progress and funnel read models count against it.
CREATE TABLE read.course_lessons (
  lesson_id   uuid PRIMARY KEY,
  course_id   uuid NOT NULL,
  module_id   uuid NOT NULL,
  position    integer NOT NULL,
  is_preview  boolean NOT NULL
);
CREATE INDEX course_lessons_course ON read.course_lessons (course_id, position);

-- Down Migration
DROP TABLE read.course_lessons;
DROP TABLE read.curricula;
DROP TABLE read.course_cards;
