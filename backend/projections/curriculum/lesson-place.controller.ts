import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Public } from '../../src/platform/auth/access.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import { named, Responds } from '../../src/platform/http/responses.js';
import { UuidParam } from '../../src/platform/http/validation.js';
import { CourseCatalogQuery, courseCardView } from '../course-catalog/course-catalog.query.js';
import { CurriculumQuery } from './curriculum.query.js';

const lessonPlace = named(
  'LessonPlace',
  z.object({ id: z.uuid(), title: z.string(), course_id: z.uuid(), is_preview: z.boolean(), course: courseCardView }),
);

/**
 * Where a lesson sits — its title and course — as public as the curriculum, so that a lesson page someone may
 * not read yet can still lead to its course and offer to enroll.
 */
@ApiTags('course')
@Controller('api/course/lessons')
export class LessonPlaceController {
  constructor(
    private readonly curricula: CurriculumQuery,
    private readonly catalog: CourseCatalogQuery,
  ) {}

  @Responds(lessonPlace)
  @Get(':id/place')
  @Public()
  async get(@UuidParam('id') id: string, @CurrentUser() user: AuthUser | undefined) {
    const place = await this.curricula.placeOf(id);
    if (!place) throw new DomainError('lesson-not-found', 'Lesson not found');
    const course = await this.catalog.getVisible(place.course_id, user);
    return { ...place, course };
  }
}
