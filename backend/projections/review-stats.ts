/**
 * Review counters kept by more than one read model (course cards and the teacher dashboard): each table has
 * `review_count`, `rating_sum` and a five-slot `rating_histogram`.
 */
export const reviewStats = {
  /** SET clause for a new review; `$2` is its rating. */
  posted: `review_count = review_count + 1, rating_sum = rating_sum + $2::int,
    rating_histogram[$2::int] = rating_histogram[$2::int] + 1`,
  /** SET clause for an edited rating; `$2` is the previous rating, `$3` the new one (apply only when they differ). */
  edited: `rating_sum = rating_sum - $2::int + $3::int,
    rating_histogram[$2::int] = rating_histogram[$2::int] - 1,
    rating_histogram[$3::int] = rating_histogram[$3::int] + 1`,
  /** Per course from the write side: `n` reviews, `total` of ratings, `histogram`; for rebuilds. */
  byCourse: `SELECT course_id, count(*) AS n, sum(rating) AS total,
      ARRAY[count(*) FILTER (WHERE rating = 1), count(*) FILTER (WHERE rating = 2),
            count(*) FILTER (WHERE rating = 3), count(*) FILTER (WHERE rating = 4),
            count(*) FILTER (WHERE rating = 5)]::integer[] AS histogram
      FROM course.reviews GROUP BY course_id`,
};
