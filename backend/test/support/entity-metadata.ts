import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { ENTITIES } from '../../src/app/entities.js';

/** Aggregate specs run without a database, but entity collections need the ORM's metadata discovered. */
export function discoverEntities(): void {
  new MikroORM({
    entities: ENTITIES,
    metadataProvider: ReflectMetadataProvider,
    clientUrl: 'postgres://unused/unused',
  });
}
