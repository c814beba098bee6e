import type { OutboxSchema } from '../../src/platform/outbox/outbox-names.js';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { nextTimestamp } from '../../src/platform/domain/clock.js';
import { DecidedAggregate } from '../../src/platform/domain/decider.js';
import {
  decideEditReview,
  decidePostReview,
  reviewDecider,
  type ReviewEvent,
  type ReviewState,
} from './review.decider.js';

/** A student's one review of one course, as stored; its changes are decided in review.decider.ts. */
@Entity({ schema: 'course', tableName: 'reviews' })
export class Review extends DecidedAggregate<ReviewState, ReviewEvent> {
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

  /** When the review last changed: a record-keeping column, not a fact any decision needs. */
  @Property({ type: 'datetime' })
  updatedAt!: Date;

  @Property({ type: 'integer', version: true })
  version!: number;

  get aggregateType(): string {
    return 'Review';
  }

  get serviceSchema(): OutboxSchema {
    return 'course';
  }

  protected get decider() {
    return reviewDecider;
  }

  static post(facts: Parameters<typeof decidePostReview>[1], existing?: ReviewState): Review {
    const review = new Review();
    review.version = 1;
    review.apply(decidePostReview(existing, facts), reviewDecider.initial());
    review.updatedAt = facts.now;
    return review;
  }

  edit(facts: Parameters<typeof decideEditReview>[1], now: Date): void {
    this.apply(decideEditReview(this.state(), facts));
    this.updatedAt = nextTimestamp(this.updatedAt, now);
  }

  state(): ReviewState {
    const { id, studentId, courseId, rating, comment, createdAt } = this;
    return { id, studentId, courseId, rating, comment, createdAt };
  }

  protected writeState(state: ReviewState): void {
    Object.assign(this, state);
  }
}
