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

async function lessonIn(course: { id: string }, fields: Record<string, unknown> = {}) {
  const module = (await platform.http.post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, owner.token))
    .body;
  return (
    await platform.http.post(
      `/api/course/modules/${module.id}/lessons`,
      { title: 'L', content: '**bold**', ...fields },
      owner.token,
    )
  ).body;
}

describe('Lesson content access', () => {
  it('serves lessons of free courses to anyone, with neighbours and sanitized HTML', async () => {
    const course = await actors.course(owner.token, { is_free: true });
    const module = (await platform.http.post(`/api/course/courses/${course.id}/modules`, { title: 'M' }, owner.token))
      .body;
    const first = (
      await platform.http.post(`/api/course/modules/${module.id}/lessons`, { title: 'One', content: 'a' }, owner.token)
    ).body;
    const second = (
      await platform.http.post(
        `/api/course/modules/${module.id}/lessons`,
        {
          title: 'Two',
          content:
            '# Hi\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[x](javascript:alert(1)) [ok](https://example.com)',
        },
        owner.token,
      )
    ).body;
    const r = await platform.http.get(`/api/course/lessons/${second.id}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      id: second.id,
      course_id: course.id,
      prev_lesson_id: first.id,
      next_lesson_id: null,
    });
    expect(r.body.content).toContain('<script>'); // the markdown as written, for editing
    expect(r.body.content_html).toContain('<h1>Hi</h1>');
    expect(r.body.content_html).not.toMatch(/<script|onerror|href="javascript/);
    expect(r.body.content_html).toContain('<a href="https://example.com" rel="noopener noreferrer">ok</a>');
  });

  it('serves preview lessons of paid courses to anyone', async () => {
    const course = await actors.course(owner.token, { is_free: false, price: 20 });
    const preview = await lessonIn(course, { is_preview: true });
    expect((await platform.http.get(`/api/course/lessons/${preview.id}`)).status).toBe(200);
  });

  it('keeps other lessons of paid courses for enrolled students, the owner and admins', async () => {
    const course = await actors.course(owner.token, { is_free: false, price: 20 });
    const lesson = await lessonIn(course);
    const student = await actors.register('student');
    const otherTeacher = await actors.verifiedTeacher();

    expect((await platform.http.get(`/api/course/lessons/${lesson.id}`)).status).toBe(401);
    expect((await platform.http.get(`/api/course/lessons/${lesson.id}`, student.token)).status).toBe(403);
    expect((await platform.http.get(`/api/course/lessons/${lesson.id}`, otherTeacher.token)).status).toBe(403);
    expect((await platform.http.get(`/api/course/lessons/${lesson.id}`, owner.token)).status).toBe(200);
    expect((await platform.http.get(`/api/course/lessons/${lesson.id}`, await actors.admin())).status).toBe(200);

    // Enrollment itself is the learning loop's; here its record stands for it (access is decided from the
    // enrollment records, so a projection lagging behind never refuses a student who just enrolled).
    await platform.sql.query(
      `INSERT INTO enrollment.enrollments (id, student_id, course_id, status, enrolled_at)
       VALUES (gen_random_uuid(), $1, $2, 'enrolled', now())`,
      [student.id, course.id],
    );
    expect((await platform.http.get(`/api/course/lessons/${lesson.id}`, student.token)).status).toBe(200);
  });
});
