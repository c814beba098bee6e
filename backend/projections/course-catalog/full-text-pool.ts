import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../src/platform/config/config.js';
import { createPool, type SqlPool } from '../../src/platform/database/pg-pool.js';

/** The injection token of the catalog's full-text search connections. */
export const FULL_TEXT_POOL = Symbol('FULL_TEXT_POOL');

/** How close a title word must be to the query to count as a near spelling (`pyhton` → python is 0.43). */
export const NEAR_SPELLING_THRESHOLD = 0.3;

/**
 * Connections set up for catalog search once, as each starts: full-text matches always go through the GIN
 * index (a sequential scan would unpack every course's out-of-line search vector, which the planner does not
 * price in and which costs ten times more), and near spellings use the project's trigram threshold. A search is
 * then one statement, not a transaction of four round trips holding a connection while Node is busy; and the
 * pool's own size bounds how many costly searches run at once, so a burst of them cannot take every connection
 * from commands and pages.
 */
export function createFullTextPool(config: AppConfig): SqlPool {
  return createPool(config, 'full-text-search', {
    max: config.DATABASE_FULL_TEXT_POOL_SIZE,
    options: `-c enable_seqscan=off -c pg_trgm.word_similarity_threshold=${NEAR_SPELLING_THRESHOLD}`,
  });
}

export const fullTextPoolProvider: Provider = {
  provide: FULL_TEXT_POOL,
  inject: [APP_CONFIG],
  useFactory: createFullTextPool,
};

@Injectable()
export class FullTextPoolCloser implements OnApplicationShutdown {
  constructor(@Inject(FULL_TEXT_POOL) private readonly pool: SqlPool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
