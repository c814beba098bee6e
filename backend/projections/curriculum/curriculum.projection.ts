import { Injectable } from '@nestjs/common';
import type { components } from '@eduplatform/contracts/api';
import type { SqlClient } from '../../src/platform/database/pg-pool.js';
import { handlerMap, type Projection } from '../../src/platform/projection/projection.js';
import type { EventMap } from '../../aggregates/event-catalogue.js';
import { CourseEvents, type CurriculumModule } from '../../aggregates/course/course.events.js';

type ListedModule = components['schemas']['CurriculumModule'];

/** The revised curriculum as read.curricula keeps it: the API's shape, the same document the rebuild writes. */
function listed(courseId: string, modules: readonly CurriculumModule[]): ListedModule[] {
  return modules.map(({ moduleId, title, order, lessons }) => ({
    id: moduleId,
    course_id: courseId,
    title,
    order,
    lessons: lessons.map((lesson) => ({
      id: lesson.lessonId,
      module_id: moduleId,
      title: lesson.title,
      video_url: lesson.videoUrl,
      duration_minutes: lesson.durationMinutes,
      order: lesson.order,
      is_preview: lesson.isPreview,
    })),
  }));
}

/** Rewrites read.course_lessons (lesson → course, position) from the course's stored curriculum document. */
async function placeLessons(sql: SqlClient, courseId: string): Promise<void> {
  await sql.query('DELETE FROM read.course_lessons WHERE course_id = $1', [courseId]);
  await sql.query(
    `INSERT INTO read.course_lessons (lesson_id, course_id, module_id, position, is_preview, title)
     SELECT (l.value->>'id')::uuid, c.course_id, (l.value->>'module_id')::uuid,
            row_number() OVER (ORDER BY m.ord, l.ord), (l.value->>'is_preview')::boolean, l.value->>'title'
       FROM read.curricula c
      CROSS JOIN LATERAL jsonb_array_elements(c.modules) WITH ORDINALITY AS m(value, ord)
      CROSS JOIN LATERAL jsonb_array_elements(m.value->'lessons') WITH ORDINALITY AS l(value, ord)
      WHERE c.course_id = $1`,
    [courseId],
  );
}

/** read.curricula (modules and lessons of each course, without content) and read.course_lessons. */
@Injectable()
export class CurriculumProjection implements Projection {
  static readonly projectionName = 'curriculum';
  readonly name = CurriculumProjection.projectionName;
  readonly tables = ['read.curricula', 'read.course_lessons'];
  readonly handlers = handlerMap<EventMap>({
    // Revisions are rare and each rewrites its course's lesson positions, so they apply one at a time.
    [CourseEvents.CurriculumRevised]: async (event, { sql }) => {
      const { courseId, modules } = event.payload;
      const total = modules.reduce((n, m) => n + m.lessons.length, 0);
      const { rowCount } = await sql.query(
        `INSERT INTO read.curricula (course_id, modules, total_lessons, version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (course_id) DO UPDATE SET modules = EXCLUDED.modules, total_lessons = EXCLUDED.total_lessons,
           version = EXCLUDED.version
         WHERE read.curricula.version < EXCLUDED.version`,
        [courseId, JSON.stringify(listed(courseId, modules)), total, event.aggregateVersion],
      );
      // Only the newest curriculum decides where lessons sit.
      if (rowCount === 1) await placeLessons(sql, courseId);
    },
  });

  async rebuild(sql: SqlClient): Promise<void> {
    await sql.query('DELETE FROM read.curricula');
    await sql.query('DELETE FROM read.course_lessons');
    await sql.query(
      `INSERT INTO read.curricula (course_id, modules, total_lessons, version)
       SELECT c.id,
              coalesce((SELECT jsonb_agg(jsonb_build_object(
                         'id', m.id, 'course_id', c.id, 'title', m.title, 'order', m.position,
                         'lessons', coalesce((SELECT jsonb_agg(jsonb_build_object(
                                      'id', l.id, 'module_id', m.id, 'title', l.title, 'video_url', l.video_url,
                                      'duration_minutes', l.duration_minutes, 'order', l.position, 'is_preview', l.is_preview)
                                      ORDER BY l.position, l.created_at, l.id)
                                    FROM course.lessons l WHERE l.module_id = m.id), '[]'::jsonb))
                         ORDER BY m.position, m.created_at, m.id)
                        FROM course.modules m WHERE m.course_id = c.id), '[]'::jsonb),
              (SELECT count(*) FROM course.lessons l WHERE l.course_id = c.id),
              c.version
         FROM course.courses c`,
    );
    await sql.query(
      `INSERT INTO read.course_lessons (lesson_id, course_id, module_id, position, is_preview, title)
       SELECT l.id, l.course_id, l.module_id,
              row_number() OVER (PARTITION BY l.course_id ORDER BY m.position, m.created_at, m.id, l.position, l.created_at, l.id),
              l.is_preview, l.title
         FROM course.lessons l JOIN course.modules m ON m.id = l.module_id`,
    );
  }
}
