import { describe, expect, it } from 'vitest';
import type { AuthUser } from '../../src/platform/auth/auth-user.js';
import { refusalOf } from '../../test/support/decisions.js';
import { assertMayReadPayment } from './payment.policies.js';

const payer: AuthUser = { id: 's-1', role: 'student', isVerified: true };
const payment = { id: 'p-1', student_id: 's-1' };

describe('payment policies', () => {
  it('a payment is seen by its payer and admins; for anyone else it does not exist', () => {
    expect(assertMayReadPayment(payer, payment)).toBe(payment);
    expect(assertMayReadPayment({ id: 'a-1', role: 'admin', isVerified: true }, payment)).toBe(payment);
    expect(refusalOf(() => assertMayReadPayment({ ...payer, id: 's-2' }, payment))).toBe('payment-not-found');
    expect(refusalOf(() => assertMayReadPayment(payer, undefined))).toBe('payment-not-found');
  });
});
