import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MikroORM } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import pg from 'pg';
import { AggregateActors } from '../src/platform/actors/aggregate-actors.js';
import { loadConfig } from '../src/platform/config/config.js';
import { createOrm } from '../src/platform/database/orm.js';
import { createPool } from '../src/platform/database/pg-pool.js';
import { systemClock } from '../src/platform/domain/clock.js';
import { ENTITIES } from '../src/app/entities.js';
import { Course } from '../aggregates/course/course.aggregate.js';
import { createTestDatabase } from './support/databases.js';
import { rebuildProjection, applyBatch } from '../src/platform/projection/projection-runner.js';
import { CurriculumProjection } from '../projections/curriculum/curriculum.projection.js';
import { toDomainEvent } from '../src/platform/outbox/outbox-schemas.js';

// Two ORMs with separate pools and separate actor runners stand for two processes: their mailboxes do not
// serialize each other, so only the optimistic version check keeps their writes from being lost.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let orms: MikroORM[];
let processes: AggregateActors[];
let sql: pg.Pool;
let pools: pg.Pool[];

beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, DATABASE_POOL_SIZE: '8' });
  orms = await Promise.all([createOrm(config, ENTITIES), createOrm(config, ENTITIES)]);
  pools = orms.map(() => createPool(config, 'actors-spec'));
  processes = orms.map((orm, i) => new AggregateActors(orm, pools[i], systemClock));
  sql = new pg.Pool({ connectionString: database.url, max: 4 });
  sql.on('error', () => undefined); // its connections are cut when the database is dropped
});
afterAll(async () => {
  await Promise.all([...orms.map((orm) => orm.close()), ...pools.map((pool) => pool.end())]);
  await sql.end();
  await database.drop();
});

async function createCourse(): Promise<string> {
  const id = randomUUID();
  await processes[0].run(id, async (uow) => {
    const course = uow.add(
      Course.create({
        id,
        teacherId: randomUUID(),
        title: 'C',
        description: '',
        isFree: true,
        durationMinutes: 1,
        level: 'beginner',
        now: new Date(),
      }),
    );
    course.addModule({ id: randomUUID(), title: 'M', now: new Date() });
  });
  return id;
}

function addLesson(actors: AggregateActors, courseId: string, title: string) {
  return actors.run(courseId, async (uow) => {
    const course = await uow.em.findOneOrFail(Course, { id: courseId }, { populate: ['modules', 'modules.lessons'] });
    const [module] = course.modules.getItems();
    const lesson = course.addLesson(module.id, { id: randomUUID(), title, content: '', now: new Date() });
    uow.track(course);
    return lesson.position;
  });
}

describe('aggregate actors across processes', () => {
  it('two processes adding 40 lessons to one course at once lose none of them', async () => {
    const courseId = await createCourse();
    const positions = await Promise.all(
      Array.from({ length: 40 }, (_, i) => addLesson(processes[i % 2], courseId, `L${i}`)),
    );
    expect([...positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const { rows } = await sql.query(
      'SELECT count(*)::int AS n, count(DISTINCT position)::int AS distinct FROM course.lessons WHERE course_id = $1',
      [courseId],
    );
    expect(rows[0]).toEqual({ n: 40, distinct: 40 });
    const outbox = await sql.query(
      `SELECT count(*)::int AS n FROM course.outbox WHERE aggregate_id = $1 AND event_type = 'course.LessonAdded'`,
      [courseId],
    );
    expect(outbox.rows[0].n).toBe(40);
  });

  it('commits no events when the command fails, and no state either', async () => {
    const courseId = await createCourse();
    const before = (await sql.query('SELECT count(*)::int AS n FROM course.outbox')).rows[0].n;
    await expect(
      processes[0].run(courseId, async (uow) => {
        const course = await uow.em.findOneOrFail(
          Course,
          { id: courseId },
          { populate: ['modules', 'modules.lessons'] },
        );
        course.update({ title: 'Changed' }, new Date());
        uow.track(course);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await sql.query('SELECT count(*)::int AS n FROM course.outbox')).rows[0].n).toBe(before);
    expect((await sql.query('SELECT title FROM course.courses WHERE id = $1', [courseId])).rows[0].title).toBe('C');
  });

  it('writes a command as one statement: rows and events together, events carrying the version written', async () => {
    const courseId = await createCourse();
    const statements: string[] = [];
    const query = pools[0].query.bind(pools[0]);
    pools[0].query = ((config: { text: string }, ...rest: unknown[]) => {
      statements.push(config.text);
      return (query as (...args: unknown[]) => unknown)(config, ...rest);
    }) as (typeof pools)[0]['query'];
    try {
      await addLesson(processes[0], courseId, 'One');
    } finally {
      pools[0].query = query;
    }
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/INSERT INTO "course"."lessons"[\s\S]*INSERT INTO course.outbox/);
    const { rows } = await sql.query(
      `SELECT c.version, max(o.aggregate_version)::int AS event_version
         FROM course.courses c JOIN course.outbox o ON o.aggregate_id = c.id WHERE c.id = $1 GROUP BY c.version`,
      [courseId],
    );
    expect(rows[0].event_version).toBe(rows[0].version);
  });

  it('a refused statement (a duplicate row) writes nothing and surfaces as a typed constraint error', async () => {
    const courseId = await createCourse();
    const before = (await sql.query('SELECT count(*)::int AS n FROM course.outbox')).rows[0].n;
    const duplicate = processes[1].run(courseId, async (uow) =>
      uow.add(
        Course.create({
          id: courseId,
          teacherId: randomUUID(),
          title: 'Twin',
          description: '',
          isFree: true,
          durationMinutes: 1,
          level: 'beginner',
          now: new Date(),
        }),
      ),
    );
    await expect(duplicate).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    expect((await sql.query('SELECT count(*)::int AS n FROM course.outbox')).rows[0].n).toBe(before);
  });

  it('a rebuilt read model equals the projected one, and queued events then change nothing', async () => {
    const courseId = await createCourse();
    await addLesson(processes[0], courseId, 'A');
    await addLesson(processes[1], courseId, 'B');
    const projection = new CurriculumProjection();
    const events = (
      await sql.query(`SELECT * FROM course.outbox WHERE event_type = 'course.CurriculumRevised'`)
    ).rows.map(toDomainEvent);
    await applyBatch(sql, projection, events);
    const projected = (await sql.query('SELECT * FROM read.curricula ORDER BY course_id')).rows;
    const placed = (await sql.query('SELECT * FROM read.course_lessons ORDER BY lesson_id')).rows;

    await sql.query('UPDATE read.curricula SET total_lessons = 999'); // corrupt it
    await rebuildProjection(sql, projection);
    expect((await sql.query('SELECT * FROM read.curricula ORDER BY course_id')).rows).toEqual(projected);
    expect((await sql.query('SELECT * FROM read.course_lessons ORDER BY lesson_id')).rows).toEqual(placed);
    expect(await applyBatch(sql, projection, events)).toEqual([]);
  });

  it('curricula projected from CurriculumRevised rows in the API shape outboxes still hold equal the rebuild', async () => {
    const courseId = await createCourse();
    await processes[0].run(courseId, async (uow) => {
      const course = await uow.em.findOneOrFail(Course, { id: courseId }, { populate: ['modules', 'modules.lessons'] });
      const [module] = course.modules.getItems();
      const preview = {
        title: 'Preview',
        content: '',
        videoUrl: 'https://v.example/1',
        durationMinutes: 7,
        isPreview: true,
      };
      course.addLesson(module.id, { id: randomUUID(), ...preview, now: new Date() });
      uow.track(course);
    });
    await addLesson(processes[1], courseId, 'Paid');
    // Every curriculum as the code stored it before events took the domain's names.
    await sql.query(
      `UPDATE course.outbox o SET payload = jsonb_build_object('courseId', o.payload->'courseId', 'modules', coalesce((
         SELECT jsonb_agg(jsonb_build_object('id', m->'moduleId', 'course_id', o.payload->'courseId', 'title', m->'title',
                  'order', m->'order', 'lessons', coalesce((
                    SELECT jsonb_agg(jsonb_build_object('id', l->'lessonId', 'module_id', m->'moduleId',
                             'title', l->'title', 'video_url', l->'videoUrl', 'duration_minutes', l->'durationMinutes',
                             'order', l->'order', 'is_preview', l->'isPreview') ORDER BY li)
                      FROM jsonb_array_elements(m->'lessons') WITH ORDINALITY AS ls(l, li)), '[]'::jsonb)) ORDER BY mi)
           FROM jsonb_array_elements(o.payload->'modules') WITH ORDINALITY AS ms(m, mi)), '[]'::jsonb))
        WHERE event_type = 'course.CurriculumRevised'`,
    );
    const { rows } = await sql.query(
      `SELECT * FROM course.outbox WHERE event_type = 'course.CurriculumRevised' ORDER BY position`,
    );
    expect(rows.at(-1).payload.modules[0].lessons[0]).toMatchObject({
      module_id: expect.any(String),
      is_preview: true,
    });
    const readModel = async () => ({
      curricula: (await sql.query('SELECT * FROM read.curricula ORDER BY course_id')).rows,
      placed: (await sql.query('SELECT * FROM read.course_lessons ORDER BY lesson_id')).rows,
    });

    const projection = new CurriculumProjection();
    await sql.query(
      `DELETE FROM read.curricula; DELETE FROM read.course_lessons;
       DELETE FROM read.applied_events WHERE projection = 'curriculum'`,
    );
    await applyBatch(sql, projection, rows.map(toDomainEvent));
    const projected = await readModel();
    expect(projected.curricula.find((c) => c.course_id === courseId)).toMatchObject({ total_lessons: 2 });
    await rebuildProjection(sql, projection);
    expect(await readModel()).toEqual(projected);
  });
});
