import { Injectable } from '@nestjs/common';
import type { SqlClient } from '../../src/platform/database/pg-pool.js';
import type { DomainEvent } from '../../src/platform/domain/domain-event.js';
import type { Projection } from '../../src/platform/projection/projection.js';
import { IdentityEvents, type UserSnapshot } from '../../aggregates/identity/user.events.js';

/** read.users: names, roles and verification of every account, for other services to show and check. */
@Injectable()
export class UserDirectoryProjection implements Projection {
  static readonly projectionName = 'user-directory';
  readonly name = UserDirectoryProjection.projectionName;
  readonly tables = ['read.users'];
  readonly handles = [IdentityEvents.UserRegistered, IdentityEvents.TeacherVerified];

  /** Every identity event carries the whole account; an older version never overwrites a newer one. */
  async apply(event: DomainEvent, sql: SqlClient): Promise<void> {
    const { userId, email, name, role, isVerified, createdAt } = event.payload as UserSnapshot;
    await sql.query(
      `INSERT INTO read.users (id, email, name, role, is_verified, created_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, role = EXCLUDED.role,
         is_verified = EXCLUDED.is_verified, version = EXCLUDED.version
       WHERE read.users.version < EXCLUDED.version`,
      [userId, email, name, role, isVerified, createdAt, event.aggregateVersion],
    );
  }

  async rebuild(sql: SqlClient): Promise<void> {
    await sql.query('DELETE FROM read.users');
    await sql.query(
      `INSERT INTO read.users (id, email, name, role, is_verified, created_at, version)
       SELECT id, email, name, role, is_verified, created_at, version FROM identity.users`,
    );
  }
}
