import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { TestPlatform } from './support/test-platform.js';
import { Actors } from './support/actors.js';
import { retried, unlessBusy } from './support/busy-retry.js';

// A permission for the acting user is never refused because a read model lags: a student who has just
// enrolled reads the paid lesson and reviews the course at once, while the enrollment projection is held up.
const RUNS = 200;
const AT_ONCE = 4;

let platform: TestPlatform;
let actors: Actors;

beforeAll(async () => {
  platform = await TestPlatform.start();
  actors = new Actors(platform.http);
});
afterAll(() => platform?.stop());

async function lessonOf(course: { id: string }, token: string): Promise<string> {
  const http = platform.http;
  const module = (await http.post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, token)).body;
  return (await http.post(`/api/course/modules/${module.id}/lessons`, { title: 'L', content: 'Text' }, token)).body.id;
}

describe('read-your-writes for permissions', () => {
  it(`enrolling, then at once reading the paid lesson and reviewing, is never refused (${RUNS} runs)`, async () => {
    const http = platform.http;
    const teacher = await retried(() => actors.verifiedTeacher());
    const free = await retried(() => actors.course(teacher.token, { is_free: true }));
    const paid = await retried(() => actors.course(teacher.token, { is_free: false, price: '15.00' }));
    await lessonOf(free, teacher.token);
    const paidLesson = await lessonOf(paid, teacher.token);
    await platform.settle();

    // The projection is held up: while a batch of runs decides, its writes to the enrollment read model wait on
    // this lock (plain reads do not). Held a second or two per batch, so the worker waits but never times out.
    const students: string[] = [];
    const refused: string[] = [];
    const run = async (i: number, student: { id: string; token: string }) => {
      const enrolledFree = await unlessBusy(() =>
        http.post('/api/enrollment/enrollments', { course_id: free.id }, student.token),
      );
      expect(enrolledFree.status).toBe(201);
      const review = { rating: 5, comment: `run ${i}` };
      const freeReview = await unlessBusy(() =>
        http.post('/api/course/reviews', { course_id: free.id, ...review }, student.token),
      );
      const payment = await unlessBusy(() =>
        http.post('/api/payment/payments', { course_id: paid.id, amount: '15.00' }, student.token),
      );
      expect(payment.status).toBe(201);
      const enrolledPaid = await unlessBusy(() =>
        http.post('/api/enrollment/enrollments', { course_id: paid.id, payment_id: payment.body.id }, student.token),
      );
      expect(enrolledPaid.status).toBe(201);
      const [lesson, paidReview] = await Promise.all([
        unlessBusy(() => http.get(`/api/course/lessons/${paidLesson}`, student.token)),
        unlessBusy(() => http.post('/api/course/reviews', { course_id: paid.id, ...review }, student.token)),
      ]);
      if (freeReview.status !== 201) refused.push(`run ${i}: review of the free course ${freeReview.status}`);
      if (lesson.status !== 200) refused.push(`run ${i}: paid lesson ${lesson.status}`);
      if (paidReview.status !== 201) refused.push(`run ${i}: review of the paid course ${paidReview.status}`);
    };
    for (let i = 0; i < RUNS; i += AT_ONCE) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(AT_ONCE, RUNS - i) }, () => retried(() => actors.register('student'))),
      );
      students.push(...batch.map((s) => s.id));
      const blocker: pg.PoolClient = await platform.sql.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE read.student_courses IN EXCLUSIVE MODE');
        await Promise.all(batch.map((student, j) => run(i + j, student)));
        // The premise: none of these enrollments had reached the read model when the decisions were taken.
        const { rows } = await blocker.query(
          'SELECT count(*)::int AS n FROM read.student_courses WHERE student_id = ANY($1::uuid[])',
          [batch.map((s) => s.id)],
        );
        expect(rows[0].n).toBe(0);
      } finally {
        await blocker.query('ROLLBACK').catch(() => undefined);
        blocker.release();
      }
    }
    expect(refused, `${refused.length} refusals in ${RUNS} runs`).toEqual([]);

    // And once the projection may write again, every enrollment arrives.
    await platform.settle(60_000);
    const { rows } = await platform.sql.query(
      'SELECT count(*)::int AS n FROM read.student_courses WHERE student_id = ANY($1::uuid[])',
      [students],
    );
    expect(rows[0].n).toBe(2 * RUNS);
  }, 300_000);
});
