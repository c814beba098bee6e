import type { OutboxSchema } from '../../src/platform/outbox/outbox-names.js';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DecidedAggregate } from '../../src/platform/domain/decider.js';
import { decideTakePayment, paymentDecider, type PaymentEvent, type PaymentState } from './payment.decider.js';

/** A student's payment for one course, as stored; it is decided in payment.decider.ts. */
@Entity({ schema: 'payment', tableName: 'payments' })
export class Payment extends DecidedAggregate<PaymentState, PaymentEvent> {
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

  get serviceSchema(): OutboxSchema {
    return 'payment';
  }

  protected get decider() {
    return paymentDecider;
  }

  static take(facts: Parameters<typeof decideTakePayment>[1], paidBefore?: PaymentState): Payment {
    const payment = new Payment();
    payment.version = 1;
    payment.apply(decideTakePayment(paidBefore, facts), paymentDecider.initial());
    return payment;
  }

  state(): PaymentState {
    const { id, studentId, courseId, amount, status, idempotencyKey, createdAt } = this;
    return { id, studentId, courseId, amount, status, idempotencyKey, createdAt };
  }

  protected writeState(state: PaymentState): void {
    Object.assign(this, state);
  }
}
