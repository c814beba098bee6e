import { describe, expect, it } from 'vitest';
import { replay } from '../../src/platform/domain/decider.js';
import { refusalOf } from '../../test/support/decisions.js';
import { decideEditReview, decidePostReview, reviewDecider } from './review.decider.js';
import { ReviewEvents } from './review.events.js';

const now = new Date('2026-03-01T10:00:00Z');
const post = { id: 'r-1', studentId: 's-1', courseId: 'c-1', studentIsEnrolled: true, rating: 4, comment: 'Good', now };
const posted = decidePostReview(undefined, post);
const givenPosted = () => replay(reviewDecider, posted);

describe('Review decider', () => {
  it('when an enrolled student posts, then ReviewPosted carries the rating and comment', () => {
    expect(posted).toEqual([
      {
        type: ReviewEvents.ReviewPosted,
        payload: {
          reviewId: 'r-1',
          courseId: 'c-1',
          studentId: 's-1',
          rating: 4,
          comment: 'Good',
          createdAt: now.toISOString(),
        },
      },
    ]);
  });

  it('when a student who is not enrolled posts, then it is refused', () => {
    expect(refusalOf(() => decidePostReview(undefined, { ...post, studentIsEnrolled: false }))).toBe('not-enrolled');
  });

  it('given a review by the student, when they post another, then it is refused', () => {
    expect(refusalOf(() => decidePostReview(givenPosted(), post))).toBe('already-reviewed');
  });

  it('when the rating is not a whole number from 1 to 5, then it is refused', () => {
    for (const rating of [0, 6, 2.5]) {
      expect(refusalOf(() => decidePostReview(undefined, { ...post, rating }))).toBe('rating-out-of-range');
      expect(refusalOf(() => decideEditReview(givenPosted(), { authorId: 's-1', rating }))).toBe('rating-out-of-range');
    }
  });

  it('given a review, when its author changes the rating, then ReviewEdited names both ratings', () => {
    const edited = decideEditReview(givenPosted(), { authorId: 's-1', rating: 2 });
    expect(edited).toEqual([
      {
        type: ReviewEvents.ReviewEdited,
        payload: { reviewId: 'r-1', courseId: 'c-1', studentId: 's-1', previousRating: 4, rating: 2, comment: 'Good' },
      },
    ]);
    expect(replay(reviewDecider, edited, givenPosted())).toMatchObject({ rating: 2, comment: 'Good' });
  });

  it('given a review, when its author changes only the comment, then the rating stays', () => {
    const edited = decideEditReview(givenPosted(), { authorId: 's-1', comment: 'Better' });
    expect(edited[0].payload).toMatchObject({ previousRating: 4, rating: 4, comment: 'Better' });
  });

  it('given a review, when someone else edits it, then it is refused', () => {
    expect(refusalOf(() => decideEditReview(givenPosted(), { authorId: 's-2', rating: 1 }))).toBe('not-review-author');
  });
});
