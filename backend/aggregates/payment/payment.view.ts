import type { Payment } from './payment.aggregate.js';
import type { PaymentView } from './payments.query.js';

export function toPaymentView(payment: Payment): PaymentView {
  return {
    id: payment.id,
    student_id: payment.studentId,
    course_id: payment.courseId,
    amount: payment.amount,
    status: payment.status,
    created_at: payment.createdAt.toISOString(),
  };
}
