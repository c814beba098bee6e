-- Up Migration
-- The teacher dashboard's own counters, kept by one projection so a live push always matches the read model.
CREATE TABLE read.course_stats (
  course_id        uuid PRIMARY KEY,
  enrollment_count integer NOT NULL DEFAULT 0,
  completions      integer NOT NULL DEFAULT 0,
  review_count     integer NOT NULL DEFAULT 0,
  rating_sum       integer NOT NULL DEFAULT 0,
  rating_histogram integer[] NOT NULL DEFAULT '{0,0,0,0,0}',
  revenue          numeric(12, 2) NOT NULL DEFAULT 0
);

CREATE TABLE read.course_enrollments_daily (
  course_id uuid NOT NULL,
  day       date NOT NULL,
  count     integer NOT NULL,
  PRIMARY KEY (course_id, day)
);

-- Last activity (enrollment or completed lesson) per learner: "active in the last 7 days".
CREATE TABLE read.course_activity (
  course_id      uuid NOT NULL,
  student_id     uuid NOT NULL,
  last_active_at timestamptz NOT NULL,
  PRIMARY KEY (course_id, student_id)
);
CREATE INDEX course_activity_recent ON read.course_activity (course_id, last_active_at);

-- How many students completed each lesson (the completion funnel).
CREATE TABLE read.lesson_funnel (
  course_id uuid NOT NULL,
  lesson_id uuid NOT NULL,
  completed integer NOT NULL,
  PRIMARY KEY (course_id, lesson_id)
);

-- Lesson titles for the funnel, kept with each lesson's place in its course.
ALTER TABLE read.course_lessons ADD COLUMN title text NOT NULL DEFAULT '';

-- Down Migration
ALTER TABLE read.course_lessons DROP COLUMN title;
DROP TABLE read.lesson_funnel;
DROP TABLE read.course_activity;
DROP TABLE read.course_enrollments_daily;
DROP TABLE read.course_stats;
