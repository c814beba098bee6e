import { Inject } from '@nestjs/common';
import { z } from 'zod';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../../../src/platform/config/config.js';
import { DomainError } from '../../../../src/platform/domain/errors.js';
import { named } from '../../../../src/platform/http/responses.js';
import { assertLessonExistsFor } from '../../lesson-access.policy.js';
import { lessonView } from '../../course.views.js';
import { LessonAccess } from '../lesson-access/lesson-access.js';
import { renderLessonMarkdown } from './lesson-content.js';
import { LessonsQuery } from './lessons.query.js';

/** A lesson as its readers get it: the markdown also rendered and sanitized, and its neighbours in course order. */
export const lessonPage = named(
  'LessonToRead',
  lessonView.extend({
    content_html: z.string(),
    prev_lesson_id: z.uuid().nullable(),
    next_lesson_id: z.uuid().nullable(),
  }),
);
export type LessonPage = z.infer<typeof lessonPage>;

/** A lesson, for those the lesson-access policy lets read it. */
export class GetLessonQuery extends Query<LessonPage> {
  constructor(
    readonly lessonId: string,
    readonly viewer: AuthUser | undefined,
  ) {
    super();
  }
}

@QueryHandler(GetLessonQuery)
export class GetLessonHandler implements IQueryHandler<GetLessonQuery, LessonPage> {
  constructor(
    private readonly lessons: LessonsQuery,
    private readonly access: LessonAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ lessonId, viewer }: GetLessonQuery): Promise<LessonPage> {
    const lesson = await this.lessons.byId(lessonId);
    if (!lesson) throw new DomainError('lesson-not-found', 'Lesson not found');
    const { is_free, status, teacher_id, ...page } = lesson;
    assertLessonExistsFor(viewer, { status, teacher_id });
    await this.access.assertMayRead(viewer, lesson, { id: lesson.course_id, is_free, teacher_id });
    return {
      ...page,
      content_html: renderLessonMarkdown(lesson.content, { imageHosts: this.config.LESSON_IMAGE_HOSTS }),
    };
  }
}
