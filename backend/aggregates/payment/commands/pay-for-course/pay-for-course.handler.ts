import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { CourseCatalogQuery } from '../../../../projections/course-catalog/course-catalog.query.js';
import { Payment } from '../../payment.aggregate.js';
import { PaymentLoader } from '../../payment.loader.js';
import { assertSameRequest } from '../../payment.decider.js';

export class PayForCourseCommand extends Command<Payment> {
  constructor(
    readonly student: AuthUser,
    readonly courseId: string,
    readonly amount: number,
    /** Client-chosen key: a retried request with the same key returns the first payment. */
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

@CommandHandler(PayForCourseCommand)
export class PayForCourseHandler implements ICommandHandler<PayForCourseCommand, Payment> {
  constructor(
    private readonly actors: AggregateActors,
    private readonly catalog: CourseCatalogQuery,
    private readonly payments: PaymentLoader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: PayForCourseCommand): Promise<Payment> {
    const card = await this.catalog.get(command.courseId);
    const key = command.idempotencyKey ?? null;
    const studentId = command.student.id;
    const id = randomUUID();
    // A student's payments for one course are decided one at a time here; across processes the unique indexes
    // (one per idempotency key, one completed payment per student and course) decide.
    const take = () =>
      this.actors.run(`payment:${studentId}:${command.courseId}`, async (uow) => {
        const earlier = key && (await this.payments.byIdempotencyKey(uow.em, studentId, key));
        if (earlier) {
          assertSameRequest(earlier.state(), command);
          return earlier;
        }
        const paidBefore = await this.payments.completedFor(uow.em, studentId, command.courseId);
        const course = { id: card.id, isFree: card.is_free, price: card.price };
        const facts = { id, studentId, course, amount: command.amount, idempotencyKey: key, now: this.clock.now() };
        return uow.add(Payment.take(facts, paidBefore?.state()));
      });
    try {
      return await take();
    } catch (error) {
      // Another process took a payment with this key, or for this course, first: answer with that one.
      if (error instanceof UniqueConstraintViolationException) return take();
      throw error;
    }
  }
}
