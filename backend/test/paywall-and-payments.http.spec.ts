import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from './support/test-platform.js';
import { Actors } from './support/actors.js';

let platform: TestPlatform;
let actors: Actors;
let owner: { token: string; id: string };

beforeAll(async () => {
  platform = await TestPlatform.start();
  actors = new Actors(platform.http);
  owner = await actors.verifiedTeacher();
});
afterAll(() => platform?.stop());

const http = () => platform.http;

/** A course with one preview lesson and one paid lesson, each with a video. */
async function courseWithVideos(fields: Record<string, unknown>) {
  const course = await actors.course(owner.token, fields);
  const module = (await http().post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, owner.token)).body;
  const lesson = (extra: Record<string, unknown>) =>
    http().post(
      `/api/course/modules/${module.id}/lessons`,
      { title: 'L', content: 'secret body', ...extra },
      owner.token,
    );
  const preview = (await lesson({ is_preview: true, video_url: 'https://videos.example.com/preview.mp4' })).body;
  const paid = (await lesson({ video_url: 'https://videos.example.com/paid.mp4' })).body;
  await platform.settle();
  return { course, preview, paid };
}

/** The video URL of each lesson of the curriculum as `token`'s holder sees it (absent: not served). */
async function curriculumVideos(courseId: string, token?: string): Promise<Record<string, string | undefined>> {
  const r = await http().get(`/api/course/courses/${courseId}/curriculum`, token);
  expect(r.status).toBe(200);
  const lessons = r.body.modules.flatMap((m: { lessons: object[] }) => m.lessons);
  expect(JSON.stringify(r.body)).not.toContain('secret body');
  return Object.fromEntries(lessons.map((l: { id: string; video_url?: string }) => [l.id, l.video_url]));
}

async function pay(token: string, courseId: string, amount: number, key?: string) {
  return http().request('POST', '/api/payment/payments', {
    json: { course_id: courseId, amount },
    token,
    headers: key ? { 'idempotency-key': key } : {},
  });
}

describe('paywall (issue #12, found 4)', () => {
  it('serves paid lessons’ video URLs in the curriculum only to those who may read the lesson', async () => {
    const { course, preview, paid } = await courseWithVideos({ is_free: false, price: 20 });
    const student = await actors.register('student');
    const otherTeacher = await actors.verifiedTeacher();

    for (const token of [undefined, student.token, otherTeacher.token]) {
      const videos = await curriculumVideos(course.id, token);
      expect(videos[preview.id]).toBe('https://videos.example.com/preview.mp4');
      expect(videos[paid.id]).toBeUndefined();
      // The same verdict as the lesson route itself.
      expect((await http().get(`/api/course/lessons/${paid.id}`, token)).status).toBe(token ? 403 : 401);
    }
    for (const token of [owner.token, await actors.admin()]) {
      expect((await curriculumVideos(course.id, token))[paid.id]).toBe('https://videos.example.com/paid.mp4');
      expect((await http().get(`/api/course/lessons/${paid.id}`, token)).status).toBe(200);
    }
  });

  it('serves every lesson of a free course to anyone', async () => {
    const { course, paid } = await courseWithVideos({ is_free: true });
    expect((await curriculumVideos(course.id))[paid.id]).toBe('https://videos.example.com/paid.mp4');
  });

  it('lets a student read as soon as the enrollment commits, before its read model catches up', async () => {
    const { course, paid } = await courseWithVideos({ is_free: false, price: 20 });
    const student = await actors.register('student');
    expect((await pay(student.token, course.id, 20)).status).toBe(201);
    const enrolled = await http().post('/api/enrollment/enrollments', { course_id: course.id }, student.token);
    expect(enrolled.status).toBe(201);
    await platform.settle();
    // The enrollment read model lags: its row is not there yet.
    await platform.sql.query('DELETE FROM read.student_courses WHERE student_id = $1', [student.id]);

    expect((await http().get(`/api/course/lessons/${paid.id}`, student.token)).status).toBe(200);
    expect((await curriculumVideos(course.id, student.token))[paid.id]).toBe('https://videos.example.com/paid.mp4');
  });
});

describe('one completed payment per student and course (issue #12, found 5)', () => {
  async function completedPayments(studentId: string): Promise<number> {
    const { rows } = await platform.sql.query(
      "SELECT count(*)::int AS n FROM payment.payments WHERE student_id = $1 AND status = 'completed'",
      [studentId],
    );
    return rows[0].n;
  }

  it('refuses a second payment without a key: 409 naming the existing payment', async () => {
    const course = await actors.course(owner.token, { is_free: false, price: 15 });
    const student = await actors.register('student');
    await platform.settle();
    const first = await pay(student.token, course.id, 15);
    expect(first.status).toBe(201);
    const second = await pay(student.token, course.id, 15);
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ detail: expect.any(String), payment_id: first.body.id });
    expect(await completedPayments(student.id)).toBe(1);
  });

  it('replays the same key, and refuses a new key for a course already paid for', async () => {
    const course = await actors.course(owner.token, { is_free: false, price: 15 });
    const student = await actors.register('student');
    await platform.settle();
    const first = await pay(student.token, course.id, 15, 'tab-1');
    expect(first.status).toBe(201);
    const retried = await pay(student.token, course.id, 15, 'tab-1');
    expect(retried.status).toBe(201);
    expect(retried.body.id).toBe(first.body.id);
    const staleTab = await pay(student.token, course.id, 15, 'tab-2');
    expect(staleTab.status).toBe(409);
    expect(staleTab.body.payment_id).toBe(first.body.id);
    const noKey = await pay(student.token, course.id, 15);
    expect(noKey.status).toBe(409);
    expect(await completedPayments(student.id)).toBe(1);
  });

  it('takes one payment out of 20 concurrent ones, with and without keys', async () => {
    const course = await actors.course(owner.token, { is_free: false, price: 15 });
    const student = await actors.register('student');
    await platform.settle();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => pay(student.token, course.id, 15, i % 2 === 0 ? `key-${i}` : undefined)),
    );
    const taken = results.filter((r) => r.status === 201);
    expect(taken).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(19);
    expect(new Set(refused.map((r) => r.body.payment_id))).toEqual(new Set([taken[0].body.id]));
    expect(await completedPayments(student.id)).toBe(1);
  });

  it('still lets the student pay for another course', async () => {
    const [a, b] = await Promise.all([
      actors.course(owner.token, { is_free: false, price: 15 }),
      actors.course(owner.token, { is_free: false, price: 25 }),
    ]);
    const student = await actors.register('student');
    await platform.settle();
    expect((await pay(student.token, a.id, 15)).status).toBe(201);
    expect((await pay(student.token, b.id, 25)).status).toBe(201);
    expect(await completedPayments(student.id)).toBe(2);
  });
});
