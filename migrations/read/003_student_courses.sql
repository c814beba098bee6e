-- Up Migration
-- Which students are enrolled in which course: the lesson access rule reads it.
CREATE TABLE read.student_courses (
  student_id  uuid NOT NULL,
  course_id   uuid NOT NULL,
  enrolled_at timestamptz NOT NULL,
  PRIMARY KEY (student_id, course_id)
);

-- Down Migration
DROP TABLE read.student_courses;
