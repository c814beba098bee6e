import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, Public, SignedIn } from '../../src/platform/auth/access.js';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { named, pageOf, Responds, timestamp } from '../../src/platform/http/responses.js';
import { UuidParam, ValidQuery, pageQuery, type PageQuery } from '../../src/platform/http/validation.js';
import { enrollmentView, progressCounts } from '../../aggregates/enrollment/enrollment.views.js';
import { LearningProgressQuery } from './learning-progress.query.js';

const certificateId = z.uuid().nullable();
const myEnrollmentPage = pageOf(
  named(
    'MyEnrollment',
    enrollmentView.extend({
      ...progressCounts.shape,
      course_title: z.string(),
      completed_at: timestamp.nullable(),
      /** Set once the course is completed. */
      certificate_id: certificateId,
    }),
  ),
);
const completedLessons = named(
  'CompletedLessons',
  z.object({ course_id: z.uuid(), completed_lesson_ids: z.array(z.uuid()) }),
);
const courseProgress = named(
  'CourseProgress',
  completedLessons.extend({
    ...progressCounts.shape,
    /** Set once the course is completed. */
    certificate_id: certificateId,
  }),
);
const enrollmentCount = named('EnrollmentCount', z.object({ course_id: z.uuid(), count: z.number().int() }));
const certificate = named(
  'Certificate',
  z.object({
    id: z.uuid(),
    student_name: z.string(),
    course_id: z.uuid(),
    course_title: z.string(),
    completed_at: timestamp,
  }),
);

@ApiTags('enrollment')
@Controller('api/enrollment')
export class LearningProgressController {
  constructor(private readonly learning: LearningProgressQuery) {}

  @Responds(myEnrollmentPage)
  @Get('enrollments/me')
  @SignedIn('student')
  mine(@CurrentUser() student: AuthUser, @ValidQuery(pageQuery) query: PageQuery) {
    return this.learning.enrollmentsOf(student.id, query.limit, query.offset);
  }

  @Responds(enrollmentCount)
  @Get('enrollments/course/:id/count')
  @Public()
  count(@UuidParam('id') courseId: string) {
    return this.learning.enrollmentCount(courseId);
  }

  @Responds(courseProgress)
  @Get('progress/courses/:id')
  @SignedIn('student')
  progress(@CurrentUser() student: AuthUser, @UuidParam('id') courseId: string) {
    return this.learning.progress(student.id, courseId);
  }

  @Responds(completedLessons)
  @Get('progress/courses/:id/lessons')
  @SignedIn('student')
  async completedLessons(@CurrentUser() student: AuthUser, @UuidParam('id') courseId: string) {
    const { course_id, completed_lesson_ids } = await this.learning.progress(student.id, courseId);
    return { course_id, completed_lesson_ids };
  }

  /** The public verification page of a completion certificate. */
  @Responds(certificate)
  @Get('certificates/:id')
  @Public()
  certificate(@UuidParam('id') id: string) {
    return this.learning.certificate(id);
  }
}
