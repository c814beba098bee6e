import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Public } from '../../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../../../src/platform/config/config.js';
import { NotFoundError } from '../../../../src/platform/domain/errors.js';
import { named, Responds } from '../../../../src/platform/http/responses.js';
import { UuidParam } from '../../../../src/platform/http/validation.js';
import { lessonView } from '../../course.views.js';
import { LessonAccess } from '../lesson-access/lesson-access.js';
import { renderLessonMarkdown } from './lesson-content.js';
import { LessonsQuery } from './lessons.query.js';

/** A lesson as its readers get it: the markdown also rendered and sanitized, and its neighbours in course order. */
const lessonToRead = named(
  'LessonToRead',
  lessonView.extend({
    content_html: z.string(),
    prev_lesson_id: z.uuid().nullable(),
    next_lesson_id: z.uuid().nullable(),
  }),
);

/** A lesson with its content, for those the lesson-access rule lets read it. */
@ApiTags('course')
@Controller('api/course/lessons')
export class GetLessonController {
  constructor(
    private readonly lessons: LessonsQuery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: LessonAccess,
  ) {}

  @Responds(lessonToRead)
  @Get(':id')
  @Public()
  async get(@UuidParam('id') id: string, @CurrentUser() user: AuthUser | undefined) {
    const lesson = await this.lessons.byId(id);
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
