-- Up Migration
CREATE TABLE course.courses (
  id               uuid PRIMARY KEY,
  teacher_id       uuid NOT NULL,
  title            text NOT NULL,
  description      text NOT NULL,
  is_free          boolean NOT NULL,
  price            numeric(10, 2) NOT NULL,
  duration_minutes integer NOT NULL,
  level            text NOT NULL CHECK (level IN ('beginner', 'intermediate', 'advanced')),
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX courses_teacher ON course.courses (teacher_id, created_at DESC);

CREATE TABLE course.modules (
  id         uuid PRIMARY KEY,
  course_id  uuid NOT NULL REFERENCES course.courses (id) ON DELETE CASCADE,
  title      text NOT NULL,
  position   integer NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX modules_course ON course.modules (course_id, position);

CREATE TABLE course.lessons (
  id               uuid PRIMARY KEY,
  module_id        uuid NOT NULL REFERENCES course.modules (id) ON DELETE CASCADE,
  course_id        uuid NOT NULL REFERENCES course.courses (id) ON DELETE CASCADE,
  title            text NOT NULL,
  content          text NOT NULL,
  video_url        text,
  duration_minutes integer NOT NULL,
  position         integer NOT NULL,
  is_preview       boolean NOT NULL,
  created_at       timestamptz NOT NULL
);
CREATE INDEX lessons_module ON course.lessons (module_id, position);
CREATE INDEX lessons_course ON course.lessons (course_id);
SELECT platform.create_outbox('course');

-- Down Migration
DROP TABLE course.outbox;
DROP TABLE course.lessons;
DROP TABLE course.modules;
DROP TABLE course.courses;
