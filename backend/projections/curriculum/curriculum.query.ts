import { Inject, Injectable } from '@nestjs/common';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import type { CurriculumModule } from '../../aggregates/course/course.events.js';

@Injectable()
export class CurriculumQuery {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  /** The course's modules and lessons in order; empty until the projection has seen the course. */
  async get(courseId: string): Promise<{ modules: CurriculumModule[]; total_lessons: number }> {
    const { rows } = await this.pool.query<{ modules: CurriculumModule[]; total_lessons: number }>(
      'SELECT modules, total_lessons FROM read.curricula WHERE course_id = $1',
      [courseId],
    );
    return rows[0] ?? { modules: [], total_lessons: 0 };
  }
}
