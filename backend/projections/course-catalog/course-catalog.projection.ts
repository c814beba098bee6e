import { Injectable } from '@nestjs/common';
import type { SqlClient } from '../../src/platform/database/pg-pool.js';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { Projection } from '../../src/platform/projection/projection.js';
import { CourseEvents, type CourseDetails } from '../../aggregates/course/course.events.js';

/** read.course_cards: what course lists, search and course pages show. */
@Injectable()
export class CourseCatalogProjection implements Projection {
  static readonly projectionName = 'course-catalog';
  readonly name = CourseCatalogProjection.projectionName;
  readonly handles = [CourseEvents.CourseCreated, CourseEvents.CourseUpdated];

  /** Course events carry the full details of their version; a stale one never overwrites a newer card. */
  async apply(event: DomainEvent, sql: SqlClient): Promise<void> {
    const d = event.payload as CourseDetails;
    await sql.query(
      `INSERT INTO read.course_cards
         (id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
         is_free = EXCLUDED.is_free, price = EXCLUDED.price, duration_minutes = EXCLUDED.duration_minutes,
         level = EXCLUDED.level, version = EXCLUDED.version
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
      ],
    );
  }

  async rebuild(sql: SqlClient): Promise<void> {
    await sql.query('DELETE FROM read.course_cards');
    await sql.query(
      `INSERT INTO read.course_cards
         (id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at, version)
       SELECT id, teacher_id, title, description, is_free, price, duration_minutes, level, created_at, version
         FROM course.courses`,
    );
  }
}
