import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Public, SignedIn } from '../../src/platform/auth/access.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { JSON_CONTENT_TYPE, JsonBodies, type JsonBody } from '../../src/platform/http/json-bodies.js';
import { Responds } from '../../src/platform/http/responses.js';
import { fields, UuidParam, ValidQuery, pageQuery, type PageQuery } from '../../src/platform/http/validation.js';
import {
  CourseCatalogQuery,
  courseCardView,
  coursePage,
  type CatalogPage,
  type CourseCardView,
} from './course-catalog.query.js';

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
  /** The public pages and cards, the hottest answers of all, go out as bytes serialized once per cached state. */
  private readonly bodies = new JsonBodies();

  constructor(private readonly catalog: CourseCatalogQuery) {}

  @Responds(coursePage)
  @Get()
  @Public()
  @Header('content-type', JSON_CONTENT_TYPE)
  async list(@ValidQuery(listQuery) query: z.infer<typeof listQuery>): Promise<JsonBody<CatalogPage>> {
    const filters = { ...query, q: query.q || undefined };
    const page = await this.catalog.list(filters);
    return this.bodies.page(`list ${JSON.stringify(filters)}`, page);
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
  @Header('content-type', JSON_CONTENT_TYPE)
  async get(@UuidParam('id') id: string, @CurrentUser() user: AuthUser | undefined): Promise<JsonBody<CourseCardView>> {
    // A draft is refused to whoever may not see it; every viewer who may, sees the same card.
    const card = await this.catalog.getVisible(id, user);
    return this.bodies.of(`card ${id}`, [card], () => card);
  }
}
