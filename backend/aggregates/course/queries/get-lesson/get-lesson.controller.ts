import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../../../src/platform/config/config.js';
import type { SqlPool } from '../../../../src/platform/database/pg-pool.js';
import { NotFoundError } from '../../../../src/platform/domain/errors.js';
import { UuidParam } from '../../../../src/platform/http/validation.js';
import { SQL_POOL } from '../../../../src/platform/platform.module.js';
import { LessonAccess } from '../lesson-access/lesson-access.js';
import { renderLessonMarkdown } from './lesson-content.js';

interface LessonRow {
  id: string;
  module_id: string;
  course_id: string;
  title: string;
  content: string;
  video_url: string | null;
  duration_minutes: number;
  order: number;
  is_preview: boolean;
  is_free: boolean;
  status: string;
  teacher_id: string;
  prev_lesson_id: string | null;
  next_lesson_id: string | null;
}

/** A lesson with its content, for those the lesson-access rule lets read it. */
@ApiTags('course')
@Controller('api/course/lessons')
export class GetLessonController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: SqlPool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: LessonAccess,
  ) {}

  @Get(':id')
  @Public()
  async get(@UuidParam('id') id: string, @CurrentUser() user: AuthUser | undefined) {
    const { rows } = await this.pool.query<LessonRow>(
      `WITH ordered AS (
         SELECT l.id, lag(l.id) OVER w AS prev_lesson_id, lead(l.id) OVER w AS next_lesson_id
           FROM course.lessons l JOIN course.modules m ON m.id = l.module_id
          WHERE l.course_id = (SELECT course_id FROM course.lessons WHERE id = $1)
         WINDOW w AS (ORDER BY m.position, m.created_at, m.id, l.position, l.created_at, l.id))
       SELECT l.id, l.module_id, l.course_id, l.title, l.content, l.video_url, l.duration_minutes,
              l.position AS "order", l.is_preview, c.is_free, c.status, c.teacher_id, o.prev_lesson_id, o.next_lesson_id
         FROM course.lessons l
         JOIN course.courses c ON c.id = l.course_id
         JOIN ordered o ON o.id = l.id
        WHERE l.id = $1`,
      [id],
    );
    const lesson = rows[0];
    if (!lesson) throw new NotFoundError('Lesson not found');
    const isOwnerOrAdmin = user?.role === 'admin' || user?.id === lesson.teacher_id;
    // A draft's lessons do not exist for anyone else yet.
    if (lesson.status !== 'published' && !isOwnerOrAdmin) throw new NotFoundError('Lesson not found');
    await this.access.assertMayRead(user, lesson, {
      id: lesson.course_id,
      is_free: lesson.is_free,
      teacher_id: lesson.teacher_id,
    });
    const { is_free: _free, status: _status, teacher_id: _teacher, ...view } = lesson;
    const contentHtml = renderLessonMarkdown(lesson.content, { imageHosts: this.config.LESSON_IMAGE_HOSTS });
    return { ...view, content_html: contentHtml };
  }
}
