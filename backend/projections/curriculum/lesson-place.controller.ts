import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../../src/platform/auth/access.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { NotFoundError } from '../../src/platform/domain/errors.js';
import { UuidParam } from '../../src/platform/http/validation.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import { CourseCatalogQuery } from '../course-catalog/course-catalog.query.js';

/**
 * Where a lesson sits — its title and course — as public as the curriculum, so that a lesson page someone may
 * not read yet can still lead to its course and offer to enroll.
 */
@ApiTags('course')
@Controller('api/course/lessons')
export class LessonPlaceController {
  constructor(
    @Inject(SQL_POOL) private readonly pool: SqlPool,
    private readonly catalog: CourseCatalogQuery,
  ) {}

  @Get(':id/place')
  @Public()
  async get(@UuidParam('id') id: string, @CurrentUser() user: AuthUser | undefined) {
    const { rows } = await this.pool.query<{ id: string; title: string; course_id: string; is_preview: boolean }>(
      'SELECT lesson_id AS id, title, course_id, is_preview FROM read.course_lessons WHERE lesson_id = $1',
      [id],
    );
    if (!rows[0]) throw new NotFoundError('Lesson not found');
    const course = await this.catalog.getVisible(rows[0].course_id, user);
    return { ...rows[0], course };
  }
}
