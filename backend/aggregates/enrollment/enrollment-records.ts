import type pg from 'pg';

/**
 * Whether a student is enrolled in a course, from the enrollment records themselves (the write side), not
 * the read model: a student who enrolled a moment ago is never refused because a projection lags. It is one
 * unique-index lookup, as cheap as the read model's.
 */
export async function isEnrolled(sql: pg.Pool | pg.PoolClient, studentId: string, courseId: string): Promise<boolean> {
  const { rowCount } = await sql.query(
    'SELECT 1 FROM enrollment.enrollments WHERE student_id = $1 AND course_id = $2',
    [studentId, courseId],
  );
  return rowCount === 1;
}
