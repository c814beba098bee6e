/**
 * Review counters kept by more than one read model (course cards and the teacher dashboard): each table has
 * `review_count`, `rating_sum` and a five-slot `rating_histogram`, changed by counter deltas.
 */
export const reviewStats = {
  /** Deltas for a new review with this rating. */
  posted: (rating: number) => ({
    review_count: 1,
    rating_sum: rating,
    rating_histogram: histogramDelta({ [rating]: 1 }),
  }),
  /** Deltas for a review whose rating changed from `previous` to `rating`. */
  edited: (previous: number, rating: number) => ({
    rating_sum: rating - previous,
    rating_histogram: histogramDelta({ [previous]: -1, [rating]: 1 }),
  }),
  /** Per course from the write side: `n` reviews, `total` of ratings, `histogram`; for rebuilds. */
  byCourse: `SELECT course_id, count(*) AS n, sum(rating) AS total,
      ARRAY[count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2),
            count(*) FILTER (WHERE rating = 3), count(*) FILTER (WHERE rating = 4),
            count(*) FILTER (WHERE rating = 5)]::integer[] AS histogram
      FROM course.reviews GROUP BY course_id`,
};

/** Five slots, ratings 1 to 5. */
function histogramDelta(changes: Record<number, number>): number[] {
  return [1, 2, 3, 4, 5].map((rating) => changes[rating] ?? 0);
}
