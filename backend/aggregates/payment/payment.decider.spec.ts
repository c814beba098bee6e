import { describe, expect, it } from 'vitest';
import { replay } from '../../src/platform/domain/decider.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import { refusalOf } from '../../test/support/decisions.js';
import { assertSameRequest, decideTakePayment, paymentDecider } from './payment.decider.js';
import { PaymentEvents } from './payment.events.js';

const now = new Date('2026-02-01T09:00:00Z');
const paidCourse = { id: 'c-1', isFree: false, price: '49.90' };
const take = { id: 'p-1', studentId: 's-1', course: paidCourse, amount: 49.9, idempotencyKey: 'k-1', now };
const givenPaid = () => replay(paymentDecider, decideTakePayment(undefined, take));

describe('Payment decider', () => {
  it('when a student pays the price of a paid course, then PaymentCompleted records it', () => {
    expect(decideTakePayment(undefined, take)).toEqual([
      {
        type: PaymentEvents.PaymentCompleted,
        payload: {
          paymentId: 'p-1',
          studentId: 's-1',
          courseId: 'c-1',
          amount: '49.90',
          idempotencyKey: 'k-1',
          createdAt: now.toISOString(),
        },
      },
    ]);
    expect(givenPaid()).toMatchObject({ id: 'p-1', amount: '49.90', status: 'completed', idempotencyKey: 'k-1' });
  });

  it('when the amount is not the price, then it is refused', () => {
    expect(refusalOf(() => decideTakePayment(undefined, { ...take, amount: 10 }))).toBe('amount-not-price');
  });

  it('when the course is free, then it is refused', () => {
    const free = { ...take, course: { ...paidCourse, isFree: true, price: '0.00' }, amount: 0 };
    expect(refusalOf(() => decideTakePayment(undefined, free))).toBe('course-is-free');
  });

  it('given a completed payment for the course, when the student pays again, then it is refused naming it', () => {
    const again = () => decideTakePayment(givenPaid(), { ...take, id: 'p-2', idempotencyKey: null });
    expect(refusalOf(again)).toBe('already-paid');
    expect(() => again()).toThrow(expect.objectContaining({ extra: { payment_id: 'p-1' } }) as DomainError);
  });

  it('given a payment taken with a key, a retry with that key must ask for the same course and amount', () => {
    expect(() => assertSameRequest(givenPaid(), { courseId: 'c-1', amount: 49.9 })).not.toThrow();
    expect(refusalOf(() => assertSameRequest(givenPaid(), { courseId: 'c-1', amount: 12 }))).toBe(
      'idempotency-key-reused',
    );
    expect(refusalOf(() => assertSameRequest(givenPaid(), { courseId: 'c-2', amount: 49.9 }))).toBe(
      'idempotency-key-reused',
    );
  });
});
