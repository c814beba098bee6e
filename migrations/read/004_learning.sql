-- Up Migration
-- Enrollment state per student and course (the lesson access rule, "my enrollments", progress).
ALTER TABLE read.student_courses
  ADD COLUMN enrollment_id  uuid,
  ADD COLUMN payment_id     uuid,
  ADD COLUMN status         text NOT NULL DEFAULT 'enrolled',
  ADD COLUMN completed_at   timestamptz,
  ADD COLUMN certificate_id uuid,
  ADD COLUMN version        integer NOT NULL DEFAULT 0;
CREATE INDEX student_courses_student ON read.student_courses (student_id, enrolled_at DESC);
CREATE INDEX student_courses_course ON read.student_courses (course_id);
CREATE UNIQUE INDEX student_courses_certificate ON read.student_courses (certificate_id) WHERE certificate_id IS NOT NULL;

-- Completed lessons; progress counts only those still in the course's curriculum.
CREATE TABLE read.lesson_completions (
  student_id   uuid NOT NULL,
  course_id    uuid NOT NULL,
  lesson_id    uuid NOT NULL,
  completed_at timestamptz NOT NULL,
  PRIMARY KEY (student_id, course_id, lesson_id)
);
CREATE INDEX lesson_completions_lesson ON read.lesson_completions (lesson_id);

-- Rating histogram on the course card: count of 1-star … 5-star reviews.
ALTER TABLE read.course_cards ADD COLUMN rating_histogram integer[] NOT NULL DEFAULT '{0,0,0,0,0}';

-- Down Migration
ALTER TABLE read.course_cards DROP COLUMN rating_histogram;
DROP TABLE read.lesson_completions;
ALTER TABLE read.student_courses DROP COLUMN enrollment_id, DROP COLUMN payment_id, DROP COLUMN status, DROP COLUMN completed_at,
  DROP COLUMN certificate_id, DROP COLUMN version;
