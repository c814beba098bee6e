import { MikroORM } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import type { AppConfig } from '../config/config.js';

/** Every aggregate's entity classes; each maps to a table in its own service schema. */
export type EntityClass = abstract new (...args: never[]) => object;

export async function createOrm(config: AppConfig, entities: EntityClass[]): Promise<MikroORM> {
  return MikroORM.init({
    clientUrl: config.DATABASE_URL,
    entities,
    metadataProvider: ReflectMetadataProvider,
    pool: { min: 0, max: config.DATABASE_POOL_SIZE },
    // Aggregates are loaded per command through forked managers; the global one must never hold state.
    allowGlobalContext: false,
    // An aggregate and its children in one query: a command's reads are one round trip.
    loadStrategy: 'joined',
    debug: config.LOG_SQL,
    ensureDatabase: false,
  });
}
