import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { CourseCatalogQuery, visibleTo } from '../../../../projections/course-catalog/course-catalog.query.js';
import { PaymentsQuery } from '../../../payment/payments.query.js';
import { Enrollment } from '../../enrollment.aggregate.js';
import { EnrollmentLoader } from '../../enrollment.loader.js';
import { enrollmentMailbox } from '../../course-lessons.reader.js';

export class EnrollCommand extends Command<Enrollment> {
  constructor(
    readonly student: AuthUser,
    readonly courseId: string,
    readonly paymentId: string | undefined,
  ) {
    super();
  }
}

@CommandHandler(EnrollCommand)
export class EnrollHandler implements ICommandHandler<EnrollCommand, Enrollment> {
  constructor(
    private readonly actors: AggregateActors,
    private readonly enrollments: EnrollmentLoader,
    private readonly catalog: CourseCatalogQuery,
    private readonly payments: PaymentsQuery,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ student, courseId, paymentId }: EnrollCommand): Promise<Enrollment> {
    // A draft is not open for enrollment: it does not exist for students yet (404).
    const card = visibleTo(await this.catalog.get(courseId), student);
    const course = { id: card.id, isFree: card.is_free };
    const payment = course.isFree ? undefined : await this.payments.completedPayment(student.id, courseId, paymentId);
    const enroll = () =>
      this.actors.run(enrollmentMailbox(student.id, courseId), async (uow) => {
        const existing = await this.enrollments.load(uow.em, student.id, courseId);
        const facts = { id: randomUUID(), studentId: student.id, course, payment, now: this.clock.now() };
        return uow.add(Enrollment.enroll(facts, existing?.state()));
      });
    try {
      return await enroll();
    } catch (error) {
      // Another process enrolled the student first: decide again, seeing that enrollment.
      if (error instanceof UniqueConstraintViolationException) return enroll();
      throw error;
    }
  }
}
