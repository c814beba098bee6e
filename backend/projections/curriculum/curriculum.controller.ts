import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../../src/platform/auth/access.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { UuidParam } from '../../src/platform/http/validation.js';
import { CourseCatalogQuery } from '../course-catalog/course-catalog.query.js';
import { CurriculumQuery } from './curriculum.query.js';

@ApiTags('course')
@Controller('api/course/courses')
export class CurriculumController {
  constructor(
    private readonly catalog: CourseCatalogQuery,
    private readonly curricula: CurriculumQuery,
  ) {}

  @Get(':id/curriculum')
  @Public()
  async get(@UuidParam('id') id: string, @CurrentUser() user: AuthUser | undefined) {
    const [course, curriculum] = await Promise.all([this.catalog.getVisible(id, user), this.curricula.get(id)]);
    return { course, ...curriculum };
  }
}
