-- Up Migration
CREATE TABLE course.reviews (
  id         uuid PRIMARY KEY,
  student_id uuid NOT NULL,
  course_id  uuid NOT NULL REFERENCES course.courses (id) ON DELETE CASCADE,
  rating     smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment    text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version    integer NOT NULL DEFAULT 1
);
-- One review per student and course.
CREATE UNIQUE INDEX reviews_student_course ON course.reviews (student_id, course_id);
CREATE INDEX reviews_course_newest ON course.reviews (course_id, created_at DESC);

-- Down Migration
DROP TABLE course.reviews;
