import { Inject, Injectable, Optional } from '@nestjs/common';
import type { SqlClient, SqlPool } from '../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import { LiveEmitter } from '../../src/platform/realtime/live-emitter.js';
import { rooms } from '../../src/platform/realtime/rooms.js';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { Projection } from '../../src/platform/projection/projection.js';
import { CourseEvents, type CourseDetails } from '../../aggregates/course/course.events.js';
import { EnrollmentEvents, type EnrollmentState } from '../../aggregates/enrollment/enrollment.events.js';
import { reviewStats } from '../review-stats.js';
import {
  ReviewEvents,
  type ReviewEditedPayload,
  type ReviewPostedPayload,
} from '../../aggregates/review/review.aggregate.js';

/** read.course_cards: what course lists, search and course pages show. */
@Injectable()
export class CourseCatalogProjection implements Projection {
  static readonly projectionName = 'course-catalog';
  readonly name = CourseCatalogProjection.projectionName;
  readonly tables = ['read.course_cards'];
  readonly handles = [
    CourseEvents.CourseCreated,
    CourseEvents.CourseUpdated,
    CourseEvents.CoursePublished,
    EnrollmentEvents.StudentEnrolled,
    ReviewEvents.ReviewPosted,
    ReviewEvents.ReviewEdited,
  ];

  constructor(
    @Optional() private readonly live?: LiveEmitter,
    @Optional() @Inject(SQL_POOL) private readonly pool?: SqlPool,
  ) {}

  async apply(event: DomainEvent, sql: SqlClient): Promise<void> {
    switch (event.type) {
      case EnrollmentEvents.StudentEnrolled: {
        const { courseId } = (event.payload as { enrollment: EnrollmentState }).enrollment;
        await sql.query('UPDATE read.course_cards SET enrollment_count = enrollment_count + 1 WHERE id = $1', [
          courseId,
        ]);
        return;
      }
      case ReviewEvents.ReviewPosted: {
        const { courseId, rating } = event.payload as ReviewPostedPayload;
        await sql.query(`UPDATE read.course_cards SET ${reviewStats.posted} WHERE id = $1`, [courseId, rating]);
        return;
      }
      case ReviewEvents.ReviewEdited: {
        const { courseId, previousRating, rating } = event.payload as ReviewEditedPayload;
        if (previousRating === rating) return;
        await sql.query(`UPDATE read.course_cards SET ${reviewStats.edited} WHERE id = $1`, [
          courseId,
          previousRating,
          rating,
        ]);
        return;
      }
      default:
        await this.applyDetails(event, sql);
    }
  }

  /** Course pages follow their rating live. */
  async afterCommit(event: DomainEvent): Promise<void> {
    if (!this.live || !this.pool) return;
    if (event.type !== ReviewEvents.ReviewPosted && event.type !== ReviewEvents.ReviewEdited) return;
    const { courseId } = event.payload as ReviewPostedPayload;
    const { rows } = await this.pool.query<{ avg_rating: number; review_count: number }>(
      'SELECT avg_rating::float8 AS avg_rating, review_count FROM read.course_cards WHERE id = $1',
      [courseId],
    );
    if (rows[0]) this.live.emit(rooms.course(courseId), 'course.rating', { course_id: courseId, ...rows[0] });
  }

  /** Course events carry the full details of their version; a stale one never overwrites a newer card. */
  private async applyDetails(event: DomainEvent, sql: SqlClient): Promise<void> {
    const d = event.payload as CourseDetails;
    await sql.query(
      `INSERT INTO read.course_cards
         (id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at, version, published)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
         is_free = EXCLUDED.is_free, price = EXCLUDED.price, duration_minutes = EXCLUDED.duration_minutes,
         level = EXCLUDED.level, version = EXCLUDED.version, published = EXCLUDED.published
       WHERE read.course_cards.version < EXCLUDED.version`,
      [
        d.courseId,
        d.teacherId,
        d.title,
        d.description,
        d.isFree,
        d.price,
        d.durationMinutes,
        d.level,
        d.createdAt,
        event.aggregateVersion,
        d.published ?? true,
      ],
    );
  }

  async rebuild(sql: SqlClient): Promise<void> {
    await sql.query('DELETE FROM read.course_cards');
    await sql.query(
      `INSERT INTO read.course_cards
         (id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at, version, published,
          enrollment_count, review_count, rating_sum, rating_histogram)
       SELECT c.id, c.teacher_id, c.title, c.description, c.is_free, c.price, c.duration_minutes, c.level, c.created_at,
              c.version, c.status = 'published', coalesce(e.n, 0), coalesce(r.n, 0), coalesce(r.total, 0), coalesce(r.histogram, '{0,0,0,0,0}')
         FROM course.courses c
         LEFT JOIN (SELECT course_id, count(*) AS n FROM enrollment.enrollments GROUP BY course_id) e ON e.course_id = c.id
         LEFT JOIN (${reviewStats.byCourse}) r ON r.course_id = c.id`,
    );
  }
}
