import { Module } from '@nestjs/common';
import { CatalogQueriesModule } from '../../projections/catalog-queries.module.js';
import { PayForCourseController } from './commands/pay-for-course/pay-for-course.controller.js';
import { PayForCourseHandler } from './commands/pay-for-course/pay-for-course.handler.js';
import { PaymentsController } from './queries/payments.controller.js';
import { PaymentLoader } from './payment.loader.js';
import { PaymentsQuery } from './payments.query.js';

@Module({
  imports: [CatalogQueriesModule],
  controllers: [PayForCourseController, PaymentsController],
  providers: [PayForCourseHandler, PaymentLoader, PaymentsQuery],
  exports: [PaymentsQuery],
})
export class PaymentModule {}
