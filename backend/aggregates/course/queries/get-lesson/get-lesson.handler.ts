import { Inject } from '@nestjs/common';
import { z } from 'zod';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { APP_CONFIG, type AppConfig } from '../../../../src/platform/config/config.js';
import { DomainError } from '../../../../src/platform/domain/errors.js';
import { named } from '../../../../src/platform/http/responses.js';
import { ReadCache } from '../../../../src/platform/cache/read-cache.js';
import { assertLessonExistsFor } from '../../lesson-access.policy.js';
import { ownsOrAdministers } from '../../course.policies.js';
import { lessonView } from '../../course.views.js';
import { LessonAccess } from '../lesson-access/lesson-access.js';
import { renderLessonMarkdown } from './lesson-content.js';
import { LessonsQuery, type LessonRow } from './lessons.query.js';

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

/** A lesson as every reader it is served to gets it: its row and its markdown rendered and sanitized. */
interface RenderedLesson {
  lesson: LessonRow;
  contentHtml: string;
}

@QueryHandler(GetLessonQuery)
export class GetLessonHandler implements IQueryHandler<GetLessonQuery, LessonPage> {
  /**
   * Lessons as rendered, reused for CATALOG_CACHE_MS like the curriculum that links to them: the lessons of a
   * course everyone is opening would otherwise be read and rendered once per reader.
   */
  private readonly rendered: ReadCache<RenderedLesson>;

  constructor(
    private readonly lessons: LessonsQuery,
    private readonly access: LessonAccess,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.rendered = new ReadCache(config.CATALOG_CACHE_MS, { maxEntries: 5_000 });
  }

  async execute({ lessonId, viewer }: GetLessonQuery): Promise<LessonPage> {
    let rendered = await this.rendered.get(lessonId, () => this.render(lessonId));
    // The course's owner and admins read what was just saved, never a cached copy.
    if (viewer && ownsOrAdministers(viewer, rendered.lesson)) rendered = await this.render(lessonId);
    const { lesson, contentHtml } = rendered;
    const { is_free, status, teacher_id, ...page } = lesson;
    assertLessonExistsFor(viewer, { status, teacher_id });
    await this.access.assertMayRead(viewer, lesson, { id: lesson.course_id, is_free, teacher_id });
    return { ...page, content_html: contentHtml };
  }

  private async render(lessonId: string): Promise<RenderedLesson> {
    const lesson = await this.lessons.byId(lessonId);
    if (!lesson) throw new DomainError('lesson-not-found', 'Lesson not found');
    return {
      lesson,
      contentHtml: renderLessonMarkdown(lesson.content, { imageHosts: this.config.LESSON_IMAGE_HOSTS }),
    };
  }
}
