import { Controller, Headers, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiHeader, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { ValidBody, ZodPipe, fields } from '../../../../src/platform/http/validation.js';
import { toPaymentView } from '../../payment.view.js';
import { paymentView, type PaymentView } from '../../payments.query.js';
import { PayForCourseCommand } from './pay-for-course.handler.js';

const payBody = z.strictObject({
  course_id: z.uuid({ error: 'must be a UUID' }),
  amount: fields.money.pipe(z.number().positive('must be greater than 0')),
});
const idempotencyKey = new ZodPipe(z.string().trim().min(1).max(200).optional(), 'Idempotency-Key');

@ApiTags('payment')
@Controller('api/payment/payments')
export class PayForCourseController {
  constructor(private readonly commands: CommandBus) {}

  @Responds(paymentView)
  @Post()
  @SignedIn('student')
  @ApiResponse({
    status: 409,
    description: 'The student already paid for this course: `{detail, payment_id}` names that payment',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retries with the same key return the same payment',
  })
  async pay(
    @CurrentUser() student: AuthUser,
    @ValidBody(payBody) body: z.infer<typeof payBody>,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<PaymentView> {
    const command = new PayForCourseCommand(student, body.course_id, body.amount, idempotencyKey.transform(key));
    return toPaymentView(await this.commands.execute(command));
  }
}
