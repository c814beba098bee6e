import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../../src/platform/auth/access.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { LessonAccess } from '../../aggregates/course/queries/lesson-access/lesson-access.js';
import { UuidParam } from '../../src/platform/http/validation.js';
import { CourseCatalogQuery } from '../course-catalog/course-catalog.query.js';
import { CurriculumQuery } from './curriculum.query.js';

@ApiTags('course')
@Controller('api/course/courses')
export class CurriculumController {
  constructor(
    private readonly catalog: CourseCatalogQuery,
    private readonly curricula: CurriculumQuery,
    private readonly access: LessonAccess,
  ) {}

  @Get(':id/curriculum')
  @Public()
  async get(@UuidParam('id') id: string, @CurrentUser() user: AuthUser | undefined) {
    const [course, curriculum] = await Promise.all([this.catalog.getVisible(id, user), this.curricula.get(id)]);
    // The cached document holds every video URL; each caller gets only those they may watch.
    const modules = await this.access.curriculumFor(user, course, curriculum.modules);
    return { course, ...curriculum, modules };
  }
}
