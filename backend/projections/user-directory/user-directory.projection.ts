import { Injectable } from '@nestjs/common';
import type { SqlClient } from '../../src/platform/database/pg-pool.js';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { ProjectionBatch } from '../../src/platform/projection/projection-batch.js';
import { handlerMap, type Projection } from '../../src/platform/projection/projection.js';
import type { EventMap } from '../../aggregates/event-catalogue.js';
import { IdentityEvents, type UserSnapshot } from '../../aggregates/identity/user.events.js';

/** Every identity event carries the whole account; an older version never overwrites a newer one. */
function saveAccount(event: DomainEvent<string, UserSnapshot>, batch: ProjectionBatch): void {
  const { userId, email, name, role, isVerified, createdAt } = event.payload;
  batch.upsertNewer('read.users', ['id'], {
    id: userId,
    email,
    name,
    role,
    is_verified: isVerified,
    created_at: createdAt,
    version: event.aggregateVersion,
  });
}

/** read.users: names, roles and verification of every account, for other services to show and check. */
@Injectable()
export class UserDirectoryProjection implements Projection {
  static readonly projectionName = 'user-directory';
  readonly name = UserDirectoryProjection.projectionName;
  readonly tables = ['read.users'];
  readonly handlers = handlerMap<EventMap>({
    [IdentityEvents.UserRegistered]: saveAccount,
    [IdentityEvents.TeacherVerified]: saveAccount,
  });

  async rebuild(sql: SqlClient): Promise<void> {
    await sql.query('DELETE FROM read.users');
    await sql.query(
      `INSERT INTO read.users (id, email, name, role, is_verified, created_at, version)
       SELECT id, email, name, role, is_verified, created_at, version FROM identity.users`,
    );
  }
}
