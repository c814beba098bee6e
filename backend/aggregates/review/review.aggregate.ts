import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AggregateRoot } from '../../src/platform/domain/aggregate-root.js';
import { after } from '../../src/platform/domain/clock.js';
import { ForbiddenError } from '../../src/platform/domain/errors.js';
import { ReviewEvents, type ReviewEditedPayload, type ReviewPostedPayload } from './review.events.js';

/** A student's one review of one course. */
@Entity({ schema: 'course', tableName: 'reviews' })
export class Review extends AggregateRoot {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  studentId!: string;

  @Property({ type: 'uuid' })
  courseId!: string;

  @Property({ type: 'smallint' })
  rating!: number;

  @Property({ type: 'text' })
  comment!: string;

  @Property({ type: 'datetime' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;

  get aggregateType(): string {
    return 'Review';
  }

  get serviceSchema(): string {
    return 'course';
  }

  static post(input: {
    id: string;
    studentId: string;
    courseId: string;
    rating: number;
    comment: string;
    now: Date;
  }): Review {
    const review = new Review();
    review.id = input.id;
    review.studentId = input.studentId;
    review.courseId = input.courseId;
    review.rating = input.rating;
    review.comment = input.comment;
    review.createdAt = input.now;
    review.updatedAt = input.now;
    review.version = 1;
    review.record(ReviewEvents.ReviewPosted, {
      reviewId: review.id,
      courseId: review.courseId,
      studentId: review.studentId,
      rating: review.rating,
      createdAt: review.createdAt.toISOString(),
    } satisfies ReviewPostedPayload);
    return review;
  }

  edit(author: string, patch: { rating?: number; comment?: string }, now: Date): void {
    if (author !== this.studentId) throw new ForbiddenError('Only the author may edit this review');
    const previousRating = this.rating;
    if (patch.rating !== undefined) this.rating = patch.rating;
    if (patch.comment !== undefined) this.comment = patch.comment;
    this.updatedAt = after(this.updatedAt, now);
    this.record(ReviewEvents.ReviewEdited, {
      reviewId: this.id,
      courseId: this.courseId,
      studentId: this.studentId,
      previousRating,
      rating: this.rating,
    } satisfies ReviewEditedPayload);
  }
}
