import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Public } from '../../src/platform/auth/access.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { ownsOrAdministers } from '../../aggregates/course/course.policies.js';
import { curriculumAsSeen } from '../../aggregates/course/lesson-access.policy.js';
import { LessonAccess } from '../../aggregates/course/queries/lesson-access/lesson-access.js';
import { JSON_CONTENT_TYPE, JsonBodies, type JsonBody } from '../../src/platform/http/json-bodies.js';
import { named, Responds } from '../../src/platform/http/responses.js';
import { UuidParam } from '../../src/platform/http/validation.js';
import { CourseCatalogQuery, courseCardView } from '../course-catalog/course-catalog.query.js';
import { CurriculumQuery } from './curriculum.query.js';

const curriculumLesson = named(
  'CurriculumLesson',
  z.object({
    id: z.uuid(),
    module_id: z.uuid(),
    title: z.string(),
    /** Left out of a paid course's lessons for someone who may not watch them (previews keep it). */
    video_url: z.string().nullable().optional(),
    duration_minutes: z.number().int(),
    order: z.number().int(),
    is_preview: z.boolean(),
  }),
);
const curriculumModule = named(
  'CurriculumModule',
  z.object({
    id: z.uuid(),
    course_id: z.uuid(),
    title: z.string(),
    order: z.number().int(),
    lessons: z.array(curriculumLesson),
  }),
);
const curriculum = named(
  'Curriculum',
  z.object({ course: courseCardView, modules: z.array(curriculumModule), total_lessons: z.number().int() }),
);

@ApiTags('course')
@Controller('api/course/courses')
export class CurriculumController {
  /** A course's curriculum goes out as bytes serialized once per cached state and kind of viewer. */
  private readonly bodies = new JsonBodies();

  constructor(
    private readonly catalog: CourseCatalogQuery,
    private readonly curricula: CurriculumQuery,
    private readonly access: LessonAccess,
  ) {}

  @Responds(curriculum)
  @Get(':id/curriculum')
  @Public()
  @Header('content-type', JSON_CONTENT_TYPE)
  async get(
    @UuidParam('id') id: string,
    @CurrentUser() user: AuthUser | undefined,
  ): Promise<JsonBody<z.output<typeof curriculum>>> {
    const course = await this.catalog.getVisible(id, user);
    // Its owner and admins read what was just saved, never through the cache: neither a copy older than their
    // last edit, nor one they would leave behind (a curriculum being written is cached for no one).
    const document = await this.curricula.get(id, { fresh: ownsOrAdministers(user, course) });
    // The cached document holds every video URL; each caller gets only those they may watch.
    const wholeCourse = await this.access.mayReadWholeCourse(user, course);
    return this.bodies.of(`${id} ${wholeCourse}`, [course, document], () => ({
      course,
      ...document,
      modules: curriculumAsSeen(document.modules, wholeCourse),
    }));
  }
}
