import type { Decider } from '../../src/platform/domain/decider.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import type { DecidedEvent, EventTypeOf } from '../event-catalogue.js';
import { PaymentEvents } from './payment.events.js';

/**
 * A student's payment for one course. The provider is a mock that always succeeds, so a payment is completed as
 * soon as it is taken.
 */
export interface PaymentState {
  id: string;
  studentId: string;
  courseId: string;
  /** Decimal string, e.g. "49.99". */
  amount: string;
  status: 'completed';
  idempotencyKey: string | null;
  createdAt: Date;
}

export type PaymentEvent = DecidedEvent<EventTypeOf<typeof PaymentEvents>>;

/** What the student asks to pay. */
export interface PaymentRequest {
  courseId: string;
  amount: number;
}

/**
 * A request retried with an Idempotency-Key answers with the payment that key took; the same key for another
 * course or amount is a client bug, refused.
 */
export function assertSameRequest(earlier: PaymentState, request: PaymentRequest): void {
  if (earlier.courseId !== request.courseId || Number(earlier.amount) !== request.amount) {
    throw new DomainError('idempotency-key-reused', 'This Idempotency-Key was already used for a different payment');
  }
}

/** Takes a payment of exactly the course's price, unless the student already paid for the course. */
export function decideTakePayment(
  paidBefore: PaymentState | undefined,
  facts: {
    id: string;
    studentId: string;
    course: { id: string; isFree: boolean; price: string };
    amount: number;
    idempotencyKey: string | null;
    now: Date;
  },
): PaymentEvent[] {
  if (paidBefore) {
    throw new DomainError('already-paid', 'You have already paid for this course', {
      extra: { payment_id: paidBefore.id },
    });
  }
  if (facts.course.isFree) throw new DomainError('course-is-free', 'This course is free; enroll without paying');
  if (facts.amount.toFixed(2) !== Number(facts.course.price).toFixed(2)) {
    throw new DomainError('amount-not-price', `amount must equal the course price (${facts.course.price})`);
  }
  return [
    {
      type: PaymentEvents.PaymentCompleted,
      payload: {
        paymentId: facts.id,
        studentId: facts.studentId,
        courseId: facts.course.id,
        amount: facts.amount.toFixed(2),
        idempotencyKey: facts.idempotencyKey,
        createdAt: facts.now.toISOString(),
      },
    },
  ];
}

export const paymentDecider: Decider<PaymentState, PaymentEvent> = {
  initial: () => ({
    id: '',
    studentId: '',
    courseId: '',
    amount: '0.00',
    status: 'completed',
    idempotencyKey: null,
    createdAt: new Date(0),
  }),
  evolve: (_payment, { payload }) => ({
    id: payload.paymentId,
    studentId: payload.studentId,
    courseId: payload.courseId,
    amount: payload.amount,
    status: 'completed',
    idempotencyKey: payload.idempotencyKey,
    createdAt: new Date(payload.createdAt),
  }),
  snapshotOf: () => undefined,
};
