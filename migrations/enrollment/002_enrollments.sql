-- Up Migration
CREATE TABLE enrollment.enrollments (
  id             uuid PRIMARY KEY,
  student_id     uuid NOT NULL,
  course_id      uuid NOT NULL,
  payment_id     uuid,
  status         text NOT NULL CHECK (status IN ('enrolled', 'in_progress', 'completed')),
  enrolled_at    timestamptz NOT NULL,
  completed_at   timestamptz,
  certificate_id uuid UNIQUE,
  version        integer NOT NULL DEFAULT 1
);
-- One enrollment per student and course: the Enroll command's conflict check.
CREATE UNIQUE INDEX enrollments_student_course ON enrollment.enrollments (student_id, course_id);
CREATE INDEX enrollments_course ON enrollment.enrollments (course_id);

CREATE TABLE enrollment.lesson_completions (
  id            uuid PRIMARY KEY,
  enrollment_id uuid NOT NULL REFERENCES enrollment.enrollments (id) ON DELETE CASCADE,
  lesson_id     uuid NOT NULL,
  completed_at  timestamptz NOT NULL,
  UNIQUE (enrollment_id, lesson_id)
);

-- Down Migration
DROP TABLE enrollment.lesson_completions;
DROP TABLE enrollment.enrollments;
