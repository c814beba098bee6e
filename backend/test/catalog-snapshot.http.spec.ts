import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Actors } from './support/actors.js';
import { TestPlatform } from './support/test-platform.js';

const FRESH_MS = 200;
let platform: TestPlatform;
let actors: Actors;

beforeAll(async () => {
  // With the cache on, unfiltered newest-first and top-rated pages come from the in-memory list snapshot.
  platform = await TestPlatform.start({ CATALOG_CACHE_MS: String(FRESH_MS), CATALOG_SNAPSHOT_MS: String(FRESH_MS) });
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
