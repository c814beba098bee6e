import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigner } from 'fast-jwt';
import { TestPlatform } from './support/test-platform.js';
import { Actors } from './support/actors.js';
import { connectLive, eventually, record, type LiveSocket } from './support/live-client.js';

let platform: TestPlatform;
let actors: Actors;
let teacher: { token: string; id: string };
const sockets: LiveSocket[] = [];

beforeAll(async () => {
  platform = await TestPlatform.start();
  actors = new Actors(platform.http);
  teacher = await actors.verifiedTeacher();
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await platform?.stop();
});

async function live(token: string | undefined): Promise<LiveSocket> {
  const socket = await connectLive(platform.http.baseUrl, token);
  sockets.push(socket);
  return socket;
}

async function freeCourseWithLessons(count: number) {
  const course = await actors.course(teacher.token, { is_free: true, title: 'Live course' });
  const module = (await platform.http.post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, teacher.token))
    .body;
  const lessonIds: string[] = [];
  for (let i = 0; i < count; i += 1) {
    lessonIds.push(
      (
        await platform.http.post(
          `/api/course/modules/${module.id}/lessons`,
          { title: `L${i}`, content: '' },
          teacher.token,
        )
      ).body.id,
    );
  }
  await platform.settle();
  return { course, lessonIds };
}

describe('live events', () => {
  it('refuses sockets without a valid token', async () => {
    const expired = createSigner({ key: platform.config.JWT_SECRET, algorithm: 'HS256', expiresIn: 1 })({
      sub: teacher.id,
      role: 'teacher',
      is_verified: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    for (const token of [undefined, '', 'garbage', expired]) {
      await expect(connectLive(platform.http.baseUrl, token)).rejects.toThrow('unauthorized');
    }
  });

  it('pushes progress after each completed lesson with the right numbers, and only to that student', async () => {
    const { course, lessonIds } = await freeCourseWithLessons(3);
    const student = await actors.register('student');
    const bystander = await actors.register('student');
    const studentSocket = await live(student.token);
    const bystanderSocket = await live(bystander.token);
    const progress = record(studentSocket, 'progress.updated');
    const leaked = record(bystanderSocket, 'progress.updated');
    const bystanderNotifications = record(bystanderSocket, 'notification.created');
    const notifications = record(studentSocket, 'notification.created');

    await platform.http.post('/api/enrollment/enrollments', { course_id: course.id }, student.token);
    const answers = [];
    for (const lessonId of lessonIds) {
      answers.push(
        (await platform.http.post(`/api/enrollment/progress/lessons/${lessonId}/complete`, {}, student.token)).body,
      );
    }
    // The certificate the last completion answered with is the one the push carries: no client looks it up.
    const certificateId = answers[2].certificate_id;
    expect(certificateId).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(() => expect(progress).toHaveLength(3));
    const pushed = (n: number, status: string, percentage: number, certificate: string | null) => ({
      course_id: course.id,
      lesson_id: lessonIds[n - 1],
      certificate_id: certificate,
      completed_lessons: n,
      total_lessons: 3,
      percentage,
      status,
    });
    expect([...progress].sort((a, b) => a.completed_lessons - b.completed_lessons)).toEqual([
      pushed(1, 'in_progress', 33.33, null),
      pushed(2, 'in_progress', 66.67, null),
      pushed(3, 'completed', 100, certificateId),
    ]);
    await eventually(() =>
      expect(notifications.map((n) => n.type)).toEqual(expect.arrayContaining(['enrolled', 'course_completed'])),
    );
    expect(notifications.every((n) => n.user_id === student.id)).toBe(true);
    // A pushed notification is the one the API lists, field for field (times as the same instant).
    const listed = (await platform.http.get('/api/notification/notifications/me', student.token)).body.items;
    const atInstant = (n: { created_at: string }) => ({ ...n, created_at: Date.parse(n.created_at) });
    expect(listed.map(atInstant)).toEqual(expect.arrayContaining(notifications.map(atInstant)));
    await platform.settle();
    expect(leaked).toEqual([]);
    // The bystander's own welcome notice may arrive; nothing of the student's may.
    expect(bystanderNotifications.every((n) => n.user_id === bystander.id)).toBe(true);
  });

  it('lets the owner (and only the owner) watch a dashboard that follows enrollments, completions and reviews', async () => {
    const { course, lessonIds } = await freeCourseWithLessons(1);
    const otherTeacher = await actors.verifiedTeacher();
    const student = await actors.register('student');

    const intruder = await live(otherTeacher.token);
    expect(await intruder.emitWithAck('dashboard.subscribe', { course_id: course.id })).toEqual({
      ok: false,
      error: expect.any(String),
    });
    const studentSocket = await live(student.token);
    expect(await studentSocket.emitWithAck('dashboard.subscribe', { course_id: course.id })).toMatchObject({
      ok: false,
    });
    expect(await studentSocket.emitWithAck('dashboard.subscribe', { course_id: 'nope' } as never)).toMatchObject({
      ok: false,
    });
    const intruderStats = record(intruder, 'course.stats');

    const owner = await live(teacher.token);
    expect(await owner.emitWithAck('dashboard.subscribe', { course_id: course.id })).toEqual({ ok: true });
    const stats = record(owner, 'course.stats');
    const follower = await live(student.token);
    expect(await follower.emitWithAck('course.follow', { course_id: course.id })).toEqual({ ok: true });
    const ratings = record(follower, 'course.rating');

    await platform.http.post('/api/enrollment/enrollments', { course_id: course.id }, student.token);
    await eventually(() =>
      expect(stats.at(-1)).toMatchObject({ course_id: course.id, enrollment_count: 1, active_learners: 1 }),
    );
    await platform.http.post(`/api/enrollment/progress/lessons/${lessonIds[0]}/complete`, {}, student.token);
    await eventually(() => expect(stats.at(-1)).toMatchObject({ completions: 1 }));
    await platform.settle();
    await platform.http.post(
      '/api/course/reviews',
      { course_id: course.id, rating: 5, comment: 'Great' },
      student.token,
    );
    await eventually(() =>
      expect(stats.at(-1)).toMatchObject({ review_count: 1, avg_rating: 5, rating_histogram: [0, 0, 0, 0, 1] }),
    );
    await eventually(() => expect(ratings.at(-1)).toEqual({ course_id: course.id, avg_rating: 5, review_count: 1 }));
    expect(intruderStats).toEqual([]);

    const dashboard = await platform.http.get(`/api/course/courses/${course.id}/dashboard`, teacher.token);
    expect(dashboard.body).toMatchObject({
      course_id: course.id,
      enrollment_count: 1,
      completions: 1,
      active_learners: 1,
      funnel: [{ lesson_id: lessonIds[0], completed: 1, order: 1 }],
      revenue: '0.00',
    });
    expect(dashboard.body.enrollments_per_day).toHaveLength(1);
    expect((await platform.http.get(`/api/course/courses/${course.id}/dashboard`, otherTeacher.token)).status).toBe(
      403,
    );
    expect((await platform.http.get(`/api/course/courses/${course.id}/dashboard`, student.token)).status).toBe(403);
    expect((await platform.http.get(`/api/course/courses/${course.id}/dashboard`, await actors.admin())).status).toBe(
      200,
    );
    const overview = await platform.http.get('/api/course/courses/my/dashboard', teacher.token);
    expect(overview.body.items.map((i: { course_id: string }) => i.course_id)).toContain(course.id);
  });

  it('counts revenue from payments on the dashboard', async () => {
    const course = await actors.course(teacher.token, { is_free: false, price: '12.50' });
    await platform.settle();
    for (let i = 0; i < 2; i += 1) {
      const student = await actors.register('student');
      await platform.http.post('/api/payment/payments', { course_id: course.id, amount: 12.5 }, student.token);
    }
    await platform.settle();
    expect((await platform.http.get(`/api/course/courses/${course.id}/dashboard`, teacher.token)).body.revenue).toBe(
      '25.00',
    );
  });
});
