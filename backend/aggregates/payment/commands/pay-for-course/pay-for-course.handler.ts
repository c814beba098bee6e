import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { UnprocessableError } from '../../../../src/platform/domain/errors.js';
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
    const id = randomUUID();
    const mailbox = key ? `payment:${command.student.id}:${key}` : `payment:${id}`;
    const take = () =>
      this.actors.run(mailbox, async (uow) => {
        const earlier = key && (await uow.em.findOne(Payment, { studentId: command.student.id, idempotencyKey: key }));
        if (earlier) return this.replay(earlier, command);
        return uow.add(
          Payment.take({
            id,
            studentId: command.student.id,
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
      // Another process took the payment with this key first: answer with that one.
      if (error instanceof UniqueConstraintViolationException && key) return take();
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
