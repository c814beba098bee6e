import { Inject, Injectable, Optional } from '@nestjs/common';
import type { SqlClient, SqlPool } from '../../src/platform/database/pg-pool.js';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { ProjectionBatch } from '../../src/platform/projection/projection-batch.js';
import { handlerMap, type Projection } from '../../src/platform/projection/projection.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import { LiveEmitter } from '../../src/platform/realtime/live-emitter.js';
import { rooms } from '../../src/platform/realtime/rooms.js';
import type { AnyEvent, EventMap } from '../../aggregates/event-catalogue.js';
import { CourseEvents, type CourseDetails } from '../../aggregates/course/course.events.js';
import { EnrollmentEvents } from '../../aggregates/enrollment/enrollment.events.js';
import { ReviewEvents } from '../../aggregates/review/review.events.js';
import { reviewStats } from '../review-stats.js';

/** Course events carry the full details of their version; a stale one never overwrites a newer card. */
function saveDetails(event: DomainEvent<string, CourseDetails>, batch: ProjectionBatch): void {
  const d = event.payload;
  batch.upsertNewer('read.course_cards', ['id'], {
    id: d.courseId,
    teacher_id: d.teacherId,
    title: d.title,
    description: d.description,
    is_free: d.isFree,
    price: d.price,
    duration_minutes: d.durationMinutes,
    level: d.level,
    created_at: d.createdAt,
    // Events from before drafts existed carry no flag: those courses were public.
    published: d.published ?? true,
    version: event.aggregateVersion,
  });
  // Its counters start with the card (a course is enrolled in or reviewed only once it exists).
  batch.insertOnce('read.course_counters', ['course_id'], { course_id: d.courseId, created_at: d.createdAt });
}

/**
 * read.course_cards: what course lists, search and course pages show; read.course_counters: each card's live
 * counters (enrollments, reviews), in a narrow table so that moving one never rewrites the card's search vectors
 * and indexes.
 */
@Injectable()
export class CourseCatalogProjection implements Projection {
  static readonly projectionName = 'course-catalog';
  readonly name = CourseCatalogProjection.projectionName;
  readonly tables = ['read.course_cards', 'read.course_counters'];
  readonly handlers = handlerMap<EventMap>({
    [CourseEvents.CourseCreated]: saveDetails,
    [CourseEvents.CourseUpdated]: saveDetails,
    [CourseEvents.CoursePublished]: saveDetails,
    // The counters' row is made with the card, so a counter never needs to create it.
    [EnrollmentEvents.StudentEnrolled]: (event, batch) =>
      batch.increment(
        'read.course_counters',
        { course_id: event.payload.enrollment.courseId },
        { enrollment_count: 1 },
        { existingOnly: true },
      ),
    [ReviewEvents.ReviewPosted]: ({ payload }, batch) =>
      batch.increment('read.course_counters', { course_id: payload.courseId }, reviewStats.posted(payload.rating), {
        existingOnly: true,
      }),
    [ReviewEvents.ReviewEdited]: ({ payload }, batch) =>
      batch.increment(
        'read.course_counters',
        { course_id: payload.courseId },
        reviewStats.edited(payload.previousRating, payload.rating),
        { existingOnly: true },
      ),
  });

  constructor(
    @Optional() private readonly live?: LiveEmitter,
    @Optional() @Inject(SQL_POOL) private readonly pool?: SqlPool,
  ) {}

  /** Course pages follow their rating live: one push per course whose reviews the batch changed. */
  async afterCommit(events: readonly AnyEvent[]): Promise<void> {
    if (!this.live || !this.pool) return;
    const courses = new Set<string>();
    for (const event of events) {
      if (event.type === ReviewEvents.ReviewPosted || event.type === ReviewEvents.ReviewEdited) {
        courses.add(event.payload.courseId);
      }
    }
    if (courses.size === 0) return;
    const { rows } = await this.pool.query<{ id: string; avg_rating: number; review_count: number }>(
      `SELECT course_id AS id, avg_rating::float8 AS avg_rating, review_count
         FROM read.course_counters WHERE course_id = ANY($1::uuid[])`,
      [[...courses]],
    );
    for (const { id, ...rating } of rows)
      this.live.emit(rooms.course(id), 'course.rating', { course_id: id, ...rating });
  }

  async rebuild(sql: SqlClient): Promise<void> {
    await sql.query('DELETE FROM read.course_cards');
    await sql.query('DELETE FROM read.course_counters');
    await sql.query(
      `INSERT INTO read.course_cards
         (id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at, version, published)
       SELECT id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at, version,
              status = 'published'
         FROM course.courses`,
    );
    await sql.query(
      `INSERT INTO read.course_counters (course_id, created_at, enrollment_count, review_count, rating_sum, rating_histogram)
       SELECT c.id, c.created_at, coalesce(e.n, 0), coalesce(r.n, 0), coalesce(r.total, 0), coalesce(r.histogram, '{0,0,0,0,0}')
         FROM course.courses c
         LEFT JOIN (SELECT course_id, count(*) AS n FROM enrollment.enrollments GROUP BY course_id) e ON e.course_id = c.id
         LEFT JOIN (${reviewStats.byCourse}) r ON r.course_id = c.id`,
    );
  }
}
