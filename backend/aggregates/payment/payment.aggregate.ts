import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AggregateRoot } from '../../src/platform/domain/aggregate-root.js';
import { UnprocessableError } from '../../src/platform/domain/errors.js';
import { PaymentEvents, type PaymentCompletedPayload } from './payment.events.js';

/**
 * A student's payment for one course. The provider is a mock that always succeeds, so a payment is
 * completed as soon as it is taken.
 */
@Entity({ schema: 'payment', tableName: 'payments' })
export class Payment extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  studentId!: string;

  @Property({ type: 'uuid' })
  courseId!: string;

  @Property({ type: 'decimal', precision: 10, scale: 2 })
  amount!: string;

  @Property({ type: 'string' })
  status!: 'completed';

  @Property({ type: 'string', nullable: true })
  idempotencyKey!: string | null;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;

  get aggregateType(): string {
    return 'Payment';
  }

  get serviceSchema(): string {
    return 'payment';
  }

  /** Takes a payment of exactly the course's price. */
  static take(input: {
    id: string;
    studentId: string;
    course: { id: string; isFree: boolean; price: string };
    amount: number;
    idempotencyKey: string | null;
    now: Date;
  }): Payment {
    if (input.course.isFree) throw new UnprocessableError('This course is free; enroll without paying');
    if (input.amount.toFixed(2) !== Number(input.course.price).toFixed(2)) {
      throw new UnprocessableError(`amount must equal the course price (${input.course.price})`);
    }
    const payment = new Payment();
    payment.id = input.id;
    payment.studentId = input.studentId;
    payment.courseId = input.course.id;
    payment.amount = input.amount.toFixed(2);
    payment.status = 'completed';
    payment.idempotencyKey = input.idempotencyKey;
    payment.createdAt = input.now;
    payment.version = 1;
    payment.record(PaymentEvents.PaymentCompleted, {
      paymentId: payment.id,
      studentId: payment.studentId,
      courseId: payment.courseId,
      amount: payment.amount,
      createdAt: payment.createdAt.toISOString(),
    } satisfies PaymentCompletedPayload);
    return payment;
  }
}
