import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, SignedIn } from '../../src/platform/auth/access.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { UuidParam, ValidQuery, pageQuery, type PageQuery } from '../../src/platform/http/validation.js';
import { LearningProgressQuery } from './learning-progress.query.js';

@ApiTags('enrollment')
@Controller('api/enrollment')
export class LearningProgressController {
  constructor(private readonly learning: LearningProgressQuery) {}

  @Get('enrollments/me')
  @SignedIn('student')
  mine(@CurrentUser() student: AuthUser, @ValidQuery(pageQuery) query: PageQuery) {
    return this.learning.enrollmentsOf(student.id, query.limit, query.offset);
  }

  @Get('enrollments/course/:id/count')
  @Public()
  count(@UuidParam('id') courseId: string) {
    return this.learning.enrollmentCount(courseId);
  }

  @Get('progress/courses/:id')
  @SignedIn('student')
  progress(@CurrentUser() student: AuthUser, @UuidParam('id') courseId: string) {
    return this.learning.progress(student.id, courseId);
  }

  @Get('progress/courses/:id/lessons')
  @SignedIn('student')
  async completedLessons(@CurrentUser() student: AuthUser, @UuidParam('id') courseId: string) {
    const { course_id, completed_lesson_ids } = await this.learning.progress(student.id, courseId);
    return { course_id, completed_lesson_ids };
  }

  /** The public verification page of a completion certificate. */
  @Get('certificates/:id')
  @Public()
  certificate(@UuidParam('id') id: string) {
    return this.learning.certificate(id);
  }
}
