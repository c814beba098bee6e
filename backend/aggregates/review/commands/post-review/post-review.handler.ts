import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AggregateActors } from '../../../../src/platform/actors/aggregate-actors.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import type { SqlPool } from '../../../../src/platform/database/pg-pool.js';
import { CLOCK, type Clock } from '../../../../src/platform/domain/clock.js';
import { ConflictError, ForbiddenError } from '../../../../src/platform/domain/errors.js';
import { SQL_POOL } from '../../../../src/platform/platform.module.js';
import { CourseCatalogQuery } from '../../../../projections/course-catalog/course-catalog.query.js';
import { isEnrolled } from '../../../enrollment/enrollment-records.js';
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

const ALREADY_REVIEWED = 'You have already reviewed this course; edit your review instead';

@CommandHandler(PostReviewCommand)
export class PostReviewHandler implements ICommandHandler<PostReviewCommand, Review> {
  constructor(
    private readonly actors: AggregateActors,
    private readonly catalog: CourseCatalogQuery,
    @Inject(SQL_POOL) private readonly pool: SqlPool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ student, courseId, rating, comment }: PostReviewCommand): Promise<Review> {
    await this.catalog.get(courseId);
    if (!(await isEnrolled(this.pool, student.id, courseId)))
      throw new ForbiddenError('Only students enrolled in this course may review it');
    try {
      return await this.actors.run(`review:${student.id}:${courseId}`, async (uow) => {
        if (await uow.em.findOne(Review, { studentId: student.id, courseId }))
          throw new ConflictError(ALREADY_REVIEWED);
        return uow.add(
          Review.post({ id: randomUUID(), studentId: student.id, courseId, rating, comment, now: this.clock.now() }),
        );
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError(ALREADY_REVIEWED);
      throw error;
    }
  }
}
