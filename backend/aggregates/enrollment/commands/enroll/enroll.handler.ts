import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { ConflictError, PaymentRequiredError } from '../../../../src/platform/domain/errors.js';
import { CourseCatalogQuery, visibleTo } from '../../../../projections/course-catalog/course-catalog.query.js';
import { PaymentsQuery } from '../../../payment/payments.query.js';
import { Enrollment } from '../../enrollment.aggregate.js';
import { enrollmentMailbox } from '../../enrollment-actors.js';

export class EnrollCommand extends Command<Enrollment> {
  constructor(
    readonly student: AuthUser,
    readonly courseId: string,
    readonly paymentId: string | undefined,
  ) {
    super();
  }
}

const ALREADY_ENROLLED = 'You are already enrolled in this course';

@CommandHandler(EnrollCommand)
export class EnrollHandler implements ICommandHandler<EnrollCommand, Enrollment> {
  constructor(
    private readonly actors: AggregateActors,
    private readonly catalog: CourseCatalogQuery,
    private readonly payments: PaymentsQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ student, courseId, paymentId }: EnrollCommand): Promise<Enrollment> {
    // A draft is not open for enrollment: it does not exist for students yet (404).
    const course = visibleTo(await this.catalog.get(courseId), student);
    let payment: string | null = null;
    if (!course.is_free) {
      const paid = await this.payments.completedPayment(student.id, courseId, paymentId);
      if (!paid) throw new PaymentRequiredError('No completed payment of yours for this course was found');
      payment = paid.id;
    }
    try {
      return await this.actors.run(enrollmentMailbox(student.id, courseId), async (uow) => {
        if (await uow.em.findOne(Enrollment, { studentId: student.id, courseId }))
          throw new ConflictError(ALREADY_ENROLLED);
        return uow.add(
          Enrollment.enroll({
            id: randomUUID(),
            studentId: student.id,
            course: { id: course.id, isFree: course.is_free },
            paymentId: payment,
            now: this.clock.now(),
          }),
        );
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError(ALREADY_ENROLLED);
      throw error;
    }
  }
}
