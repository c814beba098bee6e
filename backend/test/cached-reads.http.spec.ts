import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Actors } from './support/actors.js';
import { TestPlatform } from './support/test-platform.js';

const FRESH_MS = 200;
const CURRICULUM_FRESH_MS = 5_000;
let platform: TestPlatform;
let actors: Actors;

beforeAll(async () => {
  // With the cache on, unfiltered newest-first and top-rated pages come from the in-memory list snapshot.
  platform = await TestPlatform.start({
    CATALOG_CACHE_MS: String(FRESH_MS),
    CATALOG_SNAPSHOT_MS: String(FRESH_MS),
    CURRICULUM_CACHE_MS: String(CURRICULUM_FRESH_MS),
  });
  actors = new Actors(platform.http);
});
afterAll(() => platform?.stop());

const ids = (body: { items: { id: string }[] }) => body.items.map((c) => c.id);
const settleCache = () => new Promise((resolve) => setTimeout(resolve, FRESH_MS * 2 + 600));

describe('catalog list snapshot (issue #9)', () => {
  it('serves every page of the newest-first list as the database orders it, and a new course within the freshness', async () => {
    const teacher = await actors.verifiedTeacher();
    const created: string[] = [];
    for (let i = 0; i < 12; i += 1) created.push((await actors.course(teacher.token, { title: `Snapshot ${i}` })).id);
    await actors.course(teacher.token, { title: 'Still a draft' }, { draft: true });
    await platform.settle();
    await settleCache();

    const newestFirst = [...created].reverse();
    const pages = [];
    for (let offset = 0; offset < 12; offset += 5) {
      pages.push(...ids((await platform.http.get(`/api/course/courses?limit=5&offset=${offset}`)).body));
    }
    expect(pages).toEqual(newestFirst);
    const whole = await platform.http.get('/api/course/courses?limit=100');
    expect(ids(whole.body)).toEqual(newestFirst);
    expect(whole.body.total).toBe(12);

    const newer = await actors.course(teacher.token, { title: 'Snapshot newest' });
    await platform.settle();
    await settleCache();
    expect(ids((await platform.http.get('/api/course/courses?limit=1')).body)).toEqual([newer.id]);
  });

  it('orders the top-rated list like the database, and leaves filtered lists to their own queries', async () => {
    const rated = await platform.http.get('/api/course/courses?sort=rating&limit=100');
    const ratings = rated.body.items.map((c: { avg_rating: number }) => c.avg_rating);
    expect(ratings).toEqual([...ratings].sort((a, b) => b - a));
    const free = await platform.http.get('/api/course/courses?is_free=true&limit=100');
    expect(free.body.items.length).toBeGreaterThan(0);
    expect(free.body.items.every((c: { is_free: boolean }) => c.is_free)).toBe(true);
  });
});

describe('cached lesson pages (issue #9)', () => {
  async function lessonIn(teacher: { token: string }, course: Record<string, unknown>, content: string) {
    const { id } = await actors.course(teacher.token, course);
    const module = (await platform.http.post(`/api/course/courses/${id}/modules`, { title: 'M' }, teacher.token)).body;
    return (
      await platform.http.post(`/api/course/modules/${module.id}/lessons`, { title: 'L', content }, teacher.token)
    ).body;
  }

  it('serves readers the rendered lesson for the freshness, its author every edit at once', async () => {
    const teacher = await actors.verifiedTeacher();
    const lesson = await lessonIn(teacher, { is_free: true }, '**first**<script>alert(1)</script>');
    const read = async (token?: string) => (await platform.http.get(`/api/course/lessons/${lesson.id}`, token)).body;
    expect((await read()).content_html).toBe('<p><strong>first</strong></p>\n');

    const edited = await platform.http.put(`/api/course/lessons/${lesson.id}`, { content: '_second_' }, teacher.token);
    expect(edited.status).toBe(200);
    expect((await read(teacher.token)).content_html).toBe('<p><em>second</em></p>\n');
    expect((await read(await actors.admin())).content).toBe('_second_');
    await settleCache();
    expect((await read()).content_html).toBe('<p><em>second</em></p>\n');
  });

  it("applies each reader's access to the cached lesson", async () => {
    const teacher = await actors.verifiedTeacher();
    const lesson = await lessonIn(teacher, { is_free: false, price: 10 }, 'x');
    const student = await actors.register('student');
    const path = `/api/course/lessons/${lesson.id}`;
    expect((await platform.http.get(path, teacher.token)).status).toBe(200);
    expect((await platform.http.get(path)).status).toBe(401);
    expect((await platform.http.get(path, student.token)).status).toBe(403);
  });
});

describe('cached curricula (issue #9)', () => {
  it('serves readers a curriculum for its freshness, its owner and admins every edit at once', async () => {
    const teacher = await actors.verifiedTeacher();
    const { id } = await actors.course(teacher.token, { is_free: true });
    const module = (await platform.http.post(`/api/course/courses/${id}/modules`, { title: 'M' }, teacher.token)).body;
    const addLesson = async (title: string) => {
      await platform.http.post(`/api/course/modules/${module.id}/lessons`, { title, content: 'x' }, teacher.token);
      await platform.settle();
    };
    const lessons = async (token?: string) =>
      (await platform.http.get(`/api/course/courses/${id}/curriculum`, token)).body.modules[0].lessons.map(
        (l: { title: string }) => l.title,
      );
    await addLesson('First');
    // The author's own reads leave no copy behind for readers.
    expect(await lessons(teacher.token)).toEqual(['First']);
    await addLesson('Second');
    expect(await lessons()).toEqual(['First', 'Second']);
    const cachedAt = Date.now();

    await addLesson('Third');
    expect(await lessons(teacher.token)).toEqual(['First', 'Second', 'Third']);
    expect(await lessons(await actors.admin())).toEqual(['First', 'Second', 'Third']);
    // Well within the freshness of the copy a visitor loaded before the edit.
    expect(Date.now() - cachedAt).toBeLessThan(CURRICULUM_FRESH_MS - 1_000);
    expect(await lessons()).toEqual(['First', 'Second']);
    expect(await lessons((await actors.register('student')).token)).toEqual(['First', 'Second']);

    await new Promise((resolve) => setTimeout(resolve, CURRICULUM_FRESH_MS - (Date.now() - cachedAt) + 700));
    expect(await lessons()).toEqual(['First', 'Second', 'Third']);
  });
});

describe('list snapshot reloads', () => {
  it('shows a moved counter of a listed course when each reload builds on the one before', async () => {
    const teacher = await actors.verifiedTeacher();
    const course = await actors.course(teacher.token, { is_free: true, title: 'Counted' });
    await platform.settle();
    await settleCache();
    const listed = async () =>
      (await platform.http.get('/api/course/courses?limit=50')).body.items.find(
        (c: { id: string }) => c.id === course.id,
      );
    expect((await listed()).enrollment_count).toBe(0);

    const student = await actors.register('student');
    const enrolled = await platform.http.post('/api/enrollment/enrollments', { course_id: course.id }, student.token);
    expect(enrolled.status).toBe(201);
    await platform.settle();
    // Read as visitors do, without pause, so every reload builds on the snapshot before it.
    const deadline = Date.now() + 10 * FRESH_MS + 2_000;
    let card = await listed();
    while (card.enrollment_count === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, FRESH_MS / 4));
      card = await listed();
    }
    expect(card.enrollment_count).toBe(1);
  });
});
