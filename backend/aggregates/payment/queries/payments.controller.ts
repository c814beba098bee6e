import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../src/platform/auth/auth-user.js';
import { DomainError } from '../../../src/platform/domain/errors.js';
import { UuidParam, ValidQuery, pageQuery, type PageQuery } from '../../../src/platform/http/validation.js';
import { PaymentsQuery, type PaymentView } from '../payments.query.js';

@ApiTags('payment')
@Controller('api/payment/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsQuery) {}

  @Get('me')
  @SignedIn('student')
  mine(@CurrentUser() student: AuthUser, @ValidQuery(pageQuery) query: PageQuery) {
    return this.payments.ofStudent(student.id, query.limit, query.offset);
  }

  /** The payer and admins only; anyone else gets the same 404 as for an unknown id. */
  @Get(':id')
  @SignedIn()
  async get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PaymentView> {
    const payment = await this.payments.byId(id);
    if (!payment || (payment.student_id !== user.id && user.role !== 'admin'))
      throw new DomainError('payment-not-found', 'Payment not found');
    return payment;
  }
}
