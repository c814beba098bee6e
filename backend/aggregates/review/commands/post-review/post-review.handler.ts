import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { CourseCatalogQuery } from '../../../../projections/course-catalog/course-catalog.query.js';
import { EnrollmentRecords } from '../../../enrollment/enrollment-records.js';
import { Review } from '../../review.aggregate.js';

export class PostReviewCommand extends Command<Review> {
  constructor(
    readonly student: AuthUser,
    readonly courseId: string,
    readonly rating: number,
    readonly comment: string,
  ) {
    super();
  }
}

@CommandHandler(PostReviewCommand)
export class PostReviewHandler implements ICommandHandler<PostReviewCommand, Review> {
  constructor(
    private readonly actors: AggregateActors,
    private readonly catalog: CourseCatalogQuery,
    private readonly enrollments: EnrollmentRecords,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ student, courseId, rating, comment }: PostReviewCommand): Promise<Review> {
    await this.catalog.get(courseId);
    const studentIsEnrolled = await this.enrollments.isEnrolled(student.id, courseId);
    const post = () =>
      this.actors.run(`review:${student.id}:${courseId}`, async (uow) => {
        const existing = await uow.em.findOne(Review, { studentId: student.id, courseId });
        const facts = { id: randomUUID(), studentId: student.id, courseId, studentIsEnrolled, rating, comment };
        return uow.add(Review.post({ ...facts, now: this.clock.now() }, existing?.state()));
      });
    try {
      return await post();
    } catch (error) {
      // Another process posted this student's review of the course first: decide again, seeing it.
      if (error instanceof UniqueConstraintViolationException) return post();
      throw error;
    }
  }
}
