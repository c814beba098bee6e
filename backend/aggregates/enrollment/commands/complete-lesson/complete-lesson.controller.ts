import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { UuidParam, ValidBody } from '../../../../src/platform/http/validation.js';
import { lessonCompletionView } from '../../enrollment.views.js';
import { CompleteLessonCommand } from './complete-lesson.handler.js';

// The body is optional: the lesson knows its course.
const completeBody = z.strictObject({ course_id: z.uuid({ error: 'must be a UUID' }).optional() }).optional();

@ApiTags('enrollment')
@Controller('api/enrollment/progress/lessons')
export class CompleteLessonController {
  constructor(private readonly commands: CommandBus) {}

  @Responds(lessonCompletionView)
  @Post(':lesson_id/complete')
  @SignedIn('student')
  async complete(
    @CurrentUser() student: AuthUser,
    @UuidParam('lesson_id') lessonId: string,
    @ValidBody(completeBody) body: z.infer<typeof completeBody>,
  ) {
    const { completion, courseId, certificateId, progress } = await this.commands.execute(
      new CompleteLessonCommand(student, lessonId, body?.course_id),
    );
    return {
      id: completion.id,
      lesson_id: lessonId,
      course_id: courseId,
      completed_at: completion.completedAt.toISOString(),
      certificate_id: certificateId,
      progress: {
        completed_lessons: progress.completedLessons,
        total_lessons: progress.totalLessons,
        percentage: progress.percentage,
        status: progress.status,
      },
    };
  }
}
