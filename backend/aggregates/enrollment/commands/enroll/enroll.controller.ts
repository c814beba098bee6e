import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { ValidBody } from '../../../../src/platform/http/validation.js';
import { enrollmentView } from '../../enrollment.views.js';
import { EnrollCommand } from './enroll.handler.js';

const enrollBody = z.strictObject({
  course_id: z.uuid({ error: 'must be a UUID' }),
  payment_id: z.uuid({ error: 'must be a UUID' }).nullish(),
});

@ApiTags('enrollment')
@Controller('api/enrollment/enrollments')
export class EnrollController {
  constructor(private readonly commands: CommandBus) {}

  @Responds(enrollmentView)
  @Post()
  @SignedIn('student')
  async enroll(@CurrentUser() student: AuthUser, @ValidBody(enrollBody) body: z.infer<typeof enrollBody>) {
    const enrollment = await this.commands.execute(
      new EnrollCommand(student, body.course_id, body.payment_id ?? undefined),
    );
    return {
      id: enrollment.id,
      student_id: enrollment.studentId,
      course_id: enrollment.courseId,
      payment_id: enrollment.paymentId,
      status: enrollment.status,
      enrolled_at: enrollment.enrolledAt.toISOString(),
    };
  }
}
