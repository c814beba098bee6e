import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Public, SignedIn } from '../../src/platform/auth/access.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { Responds } from '../../src/platform/http/responses.js';
import { fields, UuidParam, ValidQuery, pageQuery, type PageQuery } from '../../src/platform/http/validation.js';
import { CourseCatalogQuery, courseCardView, coursePage, type CourseCardView } from './course-catalog.query.js';

const listQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  level: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
  is_free: fields.boolString.optional(),
  min_rating: z.coerce.number().min(0).max(5).optional(),
  sort: z.enum(['newest', 'rating', 'popular', 'price']).optional(),
  limit: fields.limit,
  offset: fields.offset,
});

@ApiTags('course')
@Controller('api/course/courses')
export class CourseCatalogController {
  constructor(private readonly catalog: CourseCatalogQuery) {}

  @Responds(coursePage)
  @Get()
  @Public()
  list(@ValidQuery(listQuery) query: z.infer<typeof listQuery>): Promise<{ items: CourseCardView[]; total: number }> {
    return this.catalog.list({ ...query, q: query.q || undefined });
  }

  @Responds(coursePage)
  @Get('my')
  @SignedIn('teacher')
  my(@CurrentUser() user: AuthUser, @ValidQuery(pageQuery) query: PageQuery) {
    return this.catalog.byTeacher(user.id, query.limit, query.offset);
  }

  @Responds(courseCardView)
  @Get(':id')
  @Public()
  get(@UuidParam('id') id: string, @CurrentUser() user: AuthUser | undefined): Promise<CourseCardView> {
    return this.catalog.getVisible(id, user);
  }
}
