import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from './support/test-platform.js';
import { Actors } from './support/actors.js';
import { PROJECTIONS, type Projection } from '../src/platform/projection/projection.js';
import { checkReadModels } from '../src/platform/projection/read-model-checker.js';
import { OUTBOX_SCHEMAS } from '../src/platform/outbox/outbox-names.js';
import { toDomainEvent, type OutboxRow } from '../src/platform/outbox/outbox-schemas.js';

let platform: TestPlatform;
let actors: Actors;
let teacher: { token: string; id: string };

beforeAll(async () => {
  platform = await TestPlatform.start();
  actors = new Actors(platform.http);
  teacher = await actors.verifiedTeacher('Ada Teacher');
});
afterAll(() => platform?.stop());

const http = () => platform.http;
const projections = () => platform.worker.get<Projection[]>(PROJECTIONS);

/** A course of `modules` × `lessons`, returning its lesson ids in curriculum order. */
async function buildCourse(fields: Record<string, unknown>, modules = 2, lessons = 3) {
  const course = await actors.course(teacher.token, fields);
  const lessonIds: string[] = [];
  for (let m = 0; m < modules; m += 1) {
    const module = (
      await http().post(`/api/course/courses/${course.id}/modules`, { title: `Module ${m + 1}` }, teacher.token)
    ).body;
    for (let l = 0; l < lessons; l += 1) {
      const lesson = await http().post(
        `/api/course/modules/${module.id}/lessons`,
        { title: `Lesson ${m + 1}.${l + 1}`, content: 'Text' },
        teacher.token,
      );
      lessonIds.push(lesson.body.id);
    }
  }
  await platform.settle();
  return { course, lessonIds };
}

async function notificationTypes(token: string): Promise<string[]> {
  await platform.settle();
  const r = await http().get('/api/notification/notifications/me?limit=100', token);
  return r.body.items.map((n: { type: string }) => n.type);
}

describe('the learning loop', () => {
  it('a paid course: pay, enroll, complete every lesson, certificate, review, notifications', async () => {
    const { course, lessonIds } = await buildCourse({ title: 'Paid Python', is_free: false, price: '49.99' });
    const student = await actors.register('student', 'Sam Student');

    const refused = await http().post('/api/enrollment/enrollments', { course_id: course.id }, student.token);
    expect(refused.status).toBe(402);
    expect(
      (await http().post('/api/payment/payments', { course_id: course.id, amount: 10 }, student.token)).status,
    ).toBe(422);
    const payment = await http().post(
      '/api/payment/payments',
      { course_id: course.id, amount: '49.99' },
      student.token,
    );
    expect(payment.status).toBe(201);
    expect(payment.body).toMatchObject({
      student_id: student.id,
      course_id: course.id,
      amount: '49.99',
      status: 'completed',
    });

    const enrolled = await http().post(
      '/api/enrollment/enrollments',
      { course_id: course.id, payment_id: payment.body.id },
      student.token,
    );
    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({
      student_id: student.id,
      course_id: course.id,
      payment_id: payment.body.id,
      status: 'enrolled',
    });
    await platform.settle();
    expect((await http().get(`/api/course/lessons/${lessonIds[0]}`, student.token)).status).toBe(200);

    let last;
    for (const [i, lessonId] of lessonIds.entries()) {
      last = await http().post(
        `/api/enrollment/progress/lessons/${lessonId}/complete`,
        { course_id: course.id },
        student.token,
      );
      expect(last.status).toBe(201);
      expect(last.body.lesson_id).toBe(lessonId);
      expect(last.body.progress.completed_lessons).toBe(i + 1);
      // The certificate exists from the completion that finishes the course, not before.
      if (i < lessonIds.length - 1) expect(last.body.certificate_id).toBeNull();
    }
    const certificateId = last!.body.certificate_id;
    expect(certificateId).toMatch(/^[0-9a-f-]{36}$/);
    expect(last!.body.progress).toEqual({
      completed_lessons: 6,
      total_lessons: 6,
      percentage: 100,
      status: 'completed',
    });
    await platform.settle();

    const progress = await http().get(`/api/enrollment/progress/courses/${course.id}`, student.token);
    expect(progress.body).toMatchObject({
      course_id: course.id,
      completed_lessons: 6,
      total_lessons: 6,
      percentage: 100,
      status: 'completed',
    });
    expect(progress.body.completed_lesson_ids).toEqual(lessonIds);
    expect(progress.body.certificate_id).toBe(certificateId);
    const mine = await http().get('/api/enrollment/enrollments/me', student.token);
    const item = mine.body.items.find((e: { course_id: string }) => e.course_id === course.id);
    expect(item).toMatchObject({
      course_title: 'Paid Python',
      percentage: 100,
      status: 'completed',
      certificate_id: certificateId,
    });
    const certificate = await http().get(`/api/enrollment/certificates/${certificateId}`);
    expect(certificate.body).toMatchObject({
      id: certificateId,
      student_name: 'Sam Student',
      course_id: course.id,
      course_title: 'Paid Python',
    });
    expect(certificate.body.completed_at).toBeTruthy();

    const review = await http().post(
      '/api/course/reviews',
      { course_id: course.id, rating: 4, comment: 'Good' },
      student.token,
    );
    expect(review.status).toBe(201);
    expect(review.body).toMatchObject({ student_name: 'Sam Student', rating: 4 });
    await platform.settle();
    let card = (await http().get(`/api/course/courses/${course.id}`)).body;
    expect(card).toMatchObject({
      enrollment_count: 1,
      review_count: 1,
      avg_rating: 4,
      rating_histogram: [0, 0, 0, 1, 0],
    });
    const edited = await http().put(`/api/course/reviews/${review.body.id}`, { rating: 2 }, student.token);
    expect(edited.status).toBe(200);
    await platform.settle();
    card = (await http().get(`/api/course/courses/${course.id}`)).body;
    expect(card).toMatchObject({ review_count: 1, avg_rating: 2, rating_histogram: [0, 1, 0, 0, 0] });
    expect((await http().get(`/api/enrollment/enrollments/course/${course.id}/count`)).body).toEqual({
      course_id: course.id,
      count: 1,
    });
    expect((await http().get(`/api/course/reviews/course/${course.id}`)).body.items).toHaveLength(1);

    expect(await notificationTypes(student.token)).toEqual(
      expect.arrayContaining(['welcome', 'payment_completed', 'enrolled', 'milestone', 'course_completed']),
    );
    expect(await notificationTypes(teacher.token)).toEqual(
      expect.arrayContaining(['teacher_verified', 'review_posted']),
    );
  });

  it('a free course runs the same loop without payment', async () => {
    const { course, lessonIds } = await buildCourse({ title: 'Free Go', is_free: true }, 1, 2);
    const student = await actors.register('student');
    expect((await http().post('/api/enrollment/enrollments', { course_id: course.id }, student.token)).status).toBe(
      201,
    );
    // Right after enrolling (projected or not yet), progress answers 0 %, never 403.
    expect((await http().get(`/api/enrollment/progress/courses/${course.id}`, student.token)).body).toMatchObject({
      completed_lessons: 0,
      total_lessons: 2,
      percentage: 0,
    });
    for (const lessonId of lessonIds) {
      expect(
        (await http().post(`/api/enrollment/progress/lessons/${lessonId}/complete`, undefined, student.token)).status,
      ).toBe(201);
    }
    await platform.settle();
    expect((await http().get(`/api/enrollment/progress/courses/${course.id}`, student.token)).body.status).toBe(
      'completed',
    );
    expect(
      (await http().post('/api/course/reviews', { course_id: course.id, rating: 5, comment: '' }, student.token))
        .status,
    ).toBe(201);
  });

  it('measures progress against the curriculum as it is now', async () => {
    const { course, lessonIds } = await buildCourse({ title: 'Changing', is_free: true }, 1, 2);
    const student = await actors.register('student');
    await http().post('/api/enrollment/enrollments', { course_id: course.id }, student.token);
    const first = await http().post(`/api/enrollment/progress/lessons/${lessonIds[0]}/complete`, {}, student.token);
    expect(first.body.progress).toMatchObject({
      completed_lessons: 1,
      total_lessons: 2,
      percentage: 50,
      status: 'in_progress',
    });

    const curriculum = (await http().get(`/api/course/courses/${course.id}/curriculum`)).body;
    await http().post(
      `/api/course/modules/${curriculum.modules[0].id}/lessons`,
      { title: 'Added later', content: '' },
      teacher.token,
    );
    await platform.settle();
    expect((await http().get(`/api/enrollment/progress/courses/${course.id}`, student.token)).body).toMatchObject({
      completed_lessons: 1,
      total_lessons: 3,
      percentage: 33.33,
    });
    await http().delete(`/api/course/lessons/${lessonIds[0]}`, teacher.token);
    await platform.settle();
    expect((await http().get(`/api/enrollment/progress/courses/${course.id}`, student.token)).body).toMatchObject({
      completed_lessons: 0,
      total_lessons: 2,
      percentage: 0,
    });
  });
});

describe('learning rules by role and state', () => {
  it('refuses completing and reviewing without enrollment (403), enrollment by teachers and admins (403)', async () => {
    const { course, lessonIds } = await buildCourse({ is_free: true }, 1, 1);
    const student = await actors.register('student');
    expect(
      (await http().post(`/api/enrollment/progress/lessons/${lessonIds[0]}/complete`, {}, student.token)).status,
    ).toBe(403);
    expect((await http().post('/api/course/reviews', { course_id: course.id, rating: 5 }, student.token)).status).toBe(
      403,
    );
    expect((await http().post('/api/enrollment/enrollments', { course_id: course.id }, teacher.token)).status).toBe(
      403,
    );
    expect(
      (await http().post('/api/enrollment/enrollments', { course_id: course.id }, await actors.admin())).status,
    ).toBe(403);
    expect(
      (await http().post('/api/payment/payments', { course_id: course.id, amount: 1 }, teacher.token)).status,
    ).toBe(403);
    expect((await http().post('/api/enrollment/enrollments', { course_id: course.id })).status).toBe(401);
  });

  it('refuses a lesson of another course, a second completion, unknown courses and bad bodies', async () => {
    const a = await buildCourse({ is_free: true }, 1, 1);
    const b = await buildCourse({ is_free: true }, 1, 1);
    const student = await actors.register('student');
    await http().post('/api/enrollment/enrollments', { course_id: a.course.id }, student.token);
    const wrong = await http().post(
      `/api/enrollment/progress/lessons/${b.lessonIds[0]}/complete`,
      { course_id: a.course.id },
      student.token,
    );
    expect(wrong.status).toBe(422);
    expect(
      (await http().post(`/api/enrollment/progress/lessons/${b.lessonIds[0]}/complete`, {}, student.token)).status,
    ).toBe(403);
    expect(
      (await http().post(`/api/enrollment/progress/lessons/${a.lessonIds[0]}/complete`, {}, student.token)).status,
    ).toBe(201);
    expect(
      (await http().post(`/api/enrollment/progress/lessons/${a.lessonIds[0]}/complete`, {}, student.token)).status,
    ).toBe(409);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await http().post(`/api/enrollment/progress/lessons/${unknown}/complete`, {}, student.token)).status).toBe(
      404,
    );
    expect((await http().post('/api/enrollment/enrollments', { course_id: unknown }, student.token)).status).toBe(404);
    expect((await http().post('/api/payment/payments', { course_id: unknown, amount: 5 }, student.token)).status).toBe(
      404,
    );
    expect(
      (await http().post('/api/course/reviews', { course_id: a.course.id, rating: 6 }, student.token)).status,
    ).toBe(422);
    expect(
      (
        await http().post(
          '/api/course/reviews',
          { course_id: a.course.id, rating: 3, comment: 'x'.repeat(5001) },
          student.token,
        )
      ).status,
    ).toBe(422);
    expect(
      (await http().post('/api/payment/payments', { course_id: a.course.id, amount: -1 }, student.token)).status,
    ).toBe(422);
    expect(
      (await http().post('/api/payment/payments', { course_id: a.course.id, amount: 0 }, student.token)).status,
    ).toBe(422);
    expect(
      (await http().request('POST', '/api/enrollment/enrollments', { raw: '{"course_id":', token: student.token }))
        .status,
    ).toBe(400);
    expect((await http().post('/api/enrollment/enrollments', { course_id: 'nope' }, student.token)).status).toBe(422);
  });

  it("answers 404 for someone else's payment and notification, and lets admins read payments", async () => {
    const { course } = await buildCourse({ is_free: false, price: 15 }, 1, 1);
    const payer = await actors.register('student');
    const other = await actors.register('student');
    const payment = (await http().post('/api/payment/payments', { course_id: course.id, amount: 15 }, payer.token))
      .body;
    expect((await http().get(`/api/payment/payments/${payment.id}`, payer.token)).status).toBe(200);
    expect((await http().get(`/api/payment/payments/${payment.id}`, other.token)).status).toBe(404);
    expect((await http().get(`/api/payment/payments/${payment.id}`, teacher.token)).status).toBe(404);
    expect((await http().get(`/api/payment/payments/${payment.id}`, await actors.admin())).status).toBe(200);
    expect(
      (await http().get('/api/payment/payments/me', payer.token)).body.items.map((p: { id: string }) => p.id),
    ).toEqual([payment.id]);
    expect((await http().get('/api/payment/payments/me', other.token)).body.items).toEqual([]);

    await platform.settle();
    const [notification] = (await http().get('/api/notification/notifications/me', payer.token)).body.items;
    expect(
      (await http().patch(`/api/notification/notifications/${notification.id}/read`, {}, other.token)).status,
    ).toBe(404);
    const read = await http().patch(`/api/notification/notifications/${notification.id}/read`, {}, payer.token);
    expect(read.body.is_read).toBe(true);
    const mine = (await http().get('/api/notification/notifications/me', payer.token)).body;
    expect(mine.unread).toBe(mine.total - 1);
  });

  it('lets only admins send a notice', async () => {
    const student = await actors.register('student');
    const body = { user_id: student.id, title: 'Maintenance', body: 'Tonight' };
    expect((await http().post('/api/notification/notifications', body, student.token)).status).toBe(403);
    await platform.settle();
    const sent = await http().post('/api/notification/notifications', body, await actors.admin());
    expect(sent.status).toBe(201);
    expect(await notificationTypes(student.token)).toContain('notice');
  });
});

describe('contention on the real database', () => {
  it('100 parallel completions of distinct lessons of one enrollment all count, exactly', async () => {
    const { course, lessonIds } = await buildCourse({ is_free: true }, 4, 25);
    const student = await actors.register('student');
    await http().post('/api/enrollment/enrollments', { course_id: course.id }, student.token);
    const results = await Promise.all(
      lessonIds.map((id) => http().post(`/api/enrollment/progress/lessons/${id}/complete`, {}, student.token)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(100).fill(201));
    expect(results.map((r) => r.body.progress.completed_lessons).sort((a, b) => a - b)).toEqual(
      lessonIds.map((_, i) => i + 1),
    );
    expect(results.filter((r) => r.body.progress.status === 'completed')).toHaveLength(1);
    await platform.settle();
    expect((await http().get(`/api/enrollment/progress/courses/${course.id}`, student.token)).body).toMatchObject({
      completed_lessons: 100,
      percentage: 100,
      status: 'completed',
    });
  });

  it('20 parallel enrollments of one student in one course: one 201, the rest 409', async () => {
    const { course } = await buildCourse({ is_free: true }, 1, 1);
    const student = await actors.register('student');
    const statuses = (
      await Promise.all(
        Array.from({ length: 20 }, () =>
          http().post('/api/enrollment/enrollments', { course_id: course.id }, student.token),
        ),
      )
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  });

  it('20 parallel reviews by one student: one lands', async () => {
    const { course } = await buildCourse({ is_free: true }, 1, 1);
    const student = await actors.register('student');
    await http().post('/api/enrollment/enrollments', { course_id: course.id }, student.token);
    await platform.settle();
    const statuses = (
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          http().post('/api/course/reviews', { course_id: course.id, rating: 1 + (i % 5) }, student.token),
        ),
      )
    ).map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    await platform.settle();
    expect((await http().get(`/api/course/courses/${course.id}`)).body.review_count).toBe(1);
  });

  it('10 parallel payments with one Idempotency-Key make one payment', async () => {
    const { course } = await buildCourse({ is_free: false, price: 30 }, 1, 1);
    const student = await actors.register('student');
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        http().request('POST', '/api/payment/payments', {
          json: { course_id: course.id, amount: 30 },
          token: student.token,
          headers: { 'idempotency-key': 'order-42' },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const { rows } = await platform.sql.query('SELECT count(*)::int AS n FROM payment.payments WHERE student_id = $1', [
      student.id,
    ]);
    expect(rows[0].n).toBe(1);
    const reused = await http().request('POST', '/api/payment/payments', {
      json: { course_id: course.id, amount: 31 },
      token: student.token,
      headers: { 'idempotency-key': 'order-42' },
    });
    expect(reused.status).toBe(422);
  });
});

describe('read-model checker', () => {
  it('reports zero after the workload, and every event redelivered in shuffled order changes nothing', async () => {
    await platform.settle();
    expect(await checkReadModels(platform.sql, projections())).toEqual([]);
    const events = [];
    for (const schema of OUTBOX_SCHEMAS)
      events.push(...(await platform.sql.query<OutboxRow>(`SELECT * FROM ${schema}.outbox`)).rows.map(toDomainEvent));
    const notificationsBefore = (await platform.sql.query('SELECT count(*)::int AS n FROM notification.notifications'))
      .rows[0].n;
    await platform.lifecycle.relay.enqueue(
      events.sort(() => Math.random() - 0.5),
      'redelivery',
    );
    await platform.settle();
    expect(await checkReadModels(platform.sql, projections())).toEqual([]);
    expect((await platform.sql.query('SELECT count(*)::int AS n FROM notification.notifications')).rows[0].n).toBe(
      notificationsBefore,
    );
  });

  it('detects a deliberately corrupted row', async () => {
    const { course } = await buildCourse({ title: 'Corrupt me', is_free: true }, 1, 1);
    await platform.sql.query('UPDATE read.course_counters SET enrollment_count = 7 WHERE course_id = $1', [course.id]);
    const differences = await checkReadModels(platform.sql, projections());
    expect(differences.map((d) => [d.table, d.kind, d.row.course_id])).toEqual(
      expect.arrayContaining([
        ['read.course_counters', 'stale', course.id],
        ['read.course_counters', 'missing', course.id],
      ]),
    );
    await platform.sql.query('UPDATE read.course_counters SET enrollment_count = 0 WHERE course_id = $1', [course.id]);
  });
});
