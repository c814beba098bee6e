import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../src/platform/auth/auth-user.js';
import { Responds } from '../../../src/platform/http/responses.js';
import { UuidParam, ValidQuery, pageQuery, type PageQuery } from '../../../src/platform/http/validation.js';
import { assertMayReadPayment } from '../payment.policies.js';
import { PaymentsQuery, paymentPage, paymentView, type PaymentView } from '../payments.query.js';

@ApiTags('payment')
@Controller('api/payment/payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsQuery) {}

  @Responds(paymentPage)
  @Get('me')
  @SignedIn('student')
  mine(@CurrentUser() student: AuthUser, @ValidQuery(pageQuery) query: PageQuery) {
    return this.payments.ofStudent(student.id, query.limit, query.offset);
  }

  /** The payer and admins only; anyone else gets the same 404 as for an unknown id. */
  @Responds(paymentView)
  @Get(':id')
  @SignedIn()
  async get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PaymentView> {
    return assertMayReadPayment(user, await this.payments.byId(id));
  }
}
