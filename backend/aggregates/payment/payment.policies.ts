import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { DomainError } from '../../src/platform/domain/errors.js';

/** A payment is the payer's and the admins' to see; anyone else gets the same 404 as for an unknown id. */
export function assertMayReadPayment<P extends { student_id: string }>(viewer: AuthUser, payment: P | undefined): P {
  if (!payment || (payment.student_id !== viewer.id && viewer.role !== 'admin')) {
    throw new DomainError('payment-not-found', 'Payment not found');
  }
  return payment;
}
