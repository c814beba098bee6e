import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { ConflictError, UnprocessableError } from '../../../../src/platform/domain/errors.js';
import { CourseCatalogQuery } from '../../../../projections/course-catalog/course-catalog.query.js';
import { Payment } from '../../payment.aggregate.js';

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

/** 409 for a second payment of one course; the answer names the payment that already covers it. */
export class AlreadyPaidError extends ConflictError {
  constructor(readonly paymentId: string) {
    super('You have already paid for this course');
  }

  override get extra(): Record<string, unknown> {
    return { payment_id: this.paymentId };
  }
}

@CommandHandler(PayForCourseCommand)
export class PayForCourseHandler implements ICommandHandler<PayForCourseCommand, Payment> {
  constructor(
    private readonly actors: AggregateActors,
    private readonly catalog: CourseCatalogQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: PayForCourseCommand): Promise<Payment> {
    const course = await this.catalog.get(command.courseId);
    const key = command.idempotencyKey ?? null;
    const studentId = command.student.id;
    const id = randomUUID();
    // A student's payments for one course are decided one at a time here; across processes the unique indexes
    // (one per idempotency key, one completed payment per student and course) decide.
    const take = () =>
      this.actors.run(`payment:${studentId}:${command.courseId}`, async (uow) => {
        const earlier = key && (await uow.em.findOne(Payment, { studentId, idempotencyKey: key }));
        if (earlier) return this.replay(earlier, command);
        const paid = await uow.em.findOne(Payment, { studentId, courseId: command.courseId, status: 'completed' });
        if (paid) throw new AlreadyPaidError(paid.id);
        return uow.add(
          Payment.take({
            id,
            studentId,
            course: { id: course.id, isFree: course.is_free, price: course.price },
            amount: command.amount,
            idempotencyKey: key,
            now: this.clock.now(),
          }),
        );
      });
    try {
      return await take();
    } catch (error) {
      // Another process took a payment with this key, or for this course, first: answer with that one.
      if (error instanceof UniqueConstraintViolationException) return take();
      throw error;
    }
  }

  private replay(earlier: Payment, command: PayForCourseCommand): Payment {
    if (earlier.courseId !== command.courseId || Number(earlier.amount) !== command.amount) {
      throw new UnprocessableError('This Idempotency-Key was already used for a different payment');
    }
    return earlier;
  }
}
