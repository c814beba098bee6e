import type { Decider } from '../../src/platform/domain/decider.js';
import { DomainError } from '../../src/platform/domain/errors.js';
import type { DecidedEvent, EventTypeOf } from '../event-catalogue.js';
import { ReviewEvents } from './review.events.js';

/** A student's one review of one course. */
export interface ReviewState {
  id: string;
  studentId: string;
  courseId: string;
  rating: number;
  comment: string;
  createdAt: Date;
}

export type ReviewEvent = DecidedEvent<EventTypeOf<typeof ReviewEvents>>;

/** A rating is a whole number of stars from 1 to 5. */
function assertRating(rating: number): void {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw new DomainError('rating-out-of-range', 'rating must be a whole number from 1 to 5');
  }
}

/** Only students enrolled in a course review it (decided from the enrollment records), and only once. */
export function decidePostReview(
  existing: ReviewState | undefined,
  facts: {
    id: string;
    studentId: string;
    courseId: string;
    studentIsEnrolled: boolean;
    rating: number;
    comment: string;
    now: Date;
  },
): ReviewEvent[] {
  if (!facts.studentIsEnrolled) {
    throw new DomainError('not-enrolled', 'Only students enrolled in this course may review it');
  }
  if (existing) {
    throw new DomainError('already-reviewed', 'You have already reviewed this course; edit your review instead');
  }
  assertRating(facts.rating);
  return [
    {
      type: ReviewEvents.ReviewPosted,
      payload: {
        reviewId: facts.id,
        courseId: facts.courseId,
        studentId: facts.studentId,
        rating: facts.rating,
        comment: facts.comment,
        createdAt: facts.now.toISOString(),
      },
    },
  ];
}

/** Its author changes the rating, the comment or both. */
export function decideEditReview(
  review: ReviewState,
  facts: { authorId: string; rating?: number; comment?: string },
): ReviewEvent[] {
  if (facts.authorId !== review.studentId)
    throw new DomainError('not-review-author', 'Only the author may edit this review');
  const rating = facts.rating ?? review.rating;
  assertRating(rating);
  return [
    {
      type: ReviewEvents.ReviewEdited,
      payload: {
        reviewId: review.id,
        courseId: review.courseId,
        studentId: review.studentId,
        previousRating: review.rating,
        rating,
        comment: facts.comment ?? review.comment,
      },
    },
  ];
}

export const reviewDecider: Decider<ReviewState, ReviewEvent> = {
  initial: () => ({ id: '', studentId: '', courseId: '', rating: 0, comment: '', createdAt: new Date(0) }),
  evolve: (review, event) => {
    switch (event.type) {
      case ReviewEvents.ReviewPosted: {
        const { reviewId, courseId, studentId, rating, comment, createdAt } = event.payload;
        return { id: reviewId, studentId, courseId, rating, comment, createdAt: new Date(createdAt) };
      }
      case ReviewEvents.ReviewEdited:
        return { ...review, rating: event.payload.rating, comment: event.payload.comment };
    }
  },
  snapshotOf: () => undefined,
};
