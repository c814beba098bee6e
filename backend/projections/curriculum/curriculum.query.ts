import { Inject, Injectable, Optional } from '@nestjs/common';
import type { components } from '@eduplatform/contracts/api';
import { ReadCache, slowerFreshness } from '../../src/platform/cache/read-cache.js';
import { APP_CONFIG, type AppConfig } from '../../src/platform/config/config.js';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';

/** read.curricula's row: the curriculum in the API's shape, every video URL included. */
type Curriculum = Omit<components['schemas']['Curriculum'], 'course'>;

/** Curricula from their read model, served from memory for CURRICULUM_CACHE_MS (with the catalog cache on). */
@Injectable()
export class CurriculumQuery {
  private readonly cache: ReadCache<Curriculum>;

  constructor(
    @Inject(SQL_POOL) private readonly pool: SqlPool,
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    const freshMs = slowerFreshness(config?.CATALOG_CACHE_MS ?? 0, config?.CURRICULUM_CACHE_MS);
    this.cache = new ReadCache(freshMs, { maxEntries: 20_000 });
  }

  /**
   * The course's modules and lessons in order; empty until the projection has seen the course. `fresh` reads
   * past the cache (for the course's owner and admins).
   */
  get(courseId: string, { fresh = false } = {}): Promise<Curriculum> {
    return fresh ? this.load(courseId) : this.cache.get(courseId, () => this.load(courseId));
  }

  private async load(courseId: string): Promise<Curriculum> {
    const { rows } = await this.pool.query<Curriculum>({
      name: 'curriculum-of-course',
      text: 'SELECT modules, total_lessons FROM read.curricula WHERE course_id = $1',
      values: [courseId],
    });
    return rows[0] ?? { modules: [], total_lessons: 0 };
  }

  /** Where a lesson sits: its title, course and whether it is a preview (undefined for an unknown lesson). */
  async placeOf(
    lessonId: string,
  ): Promise<{ id: string; title: string; course_id: string; is_preview: boolean } | undefined> {
    const { rows } = await this.pool.query<{ id: string; title: string; course_id: string; is_preview: boolean }>(
      'SELECT lesson_id AS id, title, course_id, is_preview FROM read.course_lessons WHERE lesson_id = $1',
      [lessonId],
    );
    return rows[0];
  }
}
