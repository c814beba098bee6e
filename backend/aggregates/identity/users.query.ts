import { Inject, Injectable } from '@nestjs/common';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import type { UserState } from './user.decider.js';

export interface UserRecord extends UserState {
  passwordHash: string;
}

const COLUMNS = `id, email, name, role, is_verified AS "isVerified", created_at AS "createdAt", password_hash AS "passwordHash"`;

/** Reads of the identity service's own table, straight SQL (no aggregate needed to answer a question). */
@Injectable()
export class UsersQuery {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  async byEmail(email: string): Promise<UserRecord | undefined> {
    const { rows } = await this.pool.query<UserRecord>({
      name: 'user-by-email',
      text: `SELECT ${COLUMNS} FROM identity.users WHERE email = $1`,
      values: [email.toLowerCase()],
    });
    return rows[0];
  }

  async byId(id: string): Promise<UserRecord | undefined> {
    const { rows } = await this.pool.query<UserRecord>({
      name: 'user-by-id',
      text: `SELECT ${COLUMNS} FROM identity.users WHERE id = $1`,
      values: [id],
    });
    return rows[0];
  }

  /** Teachers waiting for verification, newest first; `search` matches part of the name or email. */
  async pendingTeachers(
    limit: number,
    offset: number,
    search?: string,
  ): Promise<{ items: UserRecord[]; total: number }> {
    const pending = `role = 'teacher' AND NOT is_verified`;
    const where = search ? `${pending} AND (name ILIKE $1 OR email ILIKE $1)` : pending;
    const params = search ? [`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`] : [];
    const [page, count] = await Promise.all([
      this.pool.query<UserRecord>(
        `SELECT ${COLUMNS} FROM identity.users WHERE ${where}
         ORDER BY created_at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, limit, offset],
      ),
      this.pool.query<{ total: number }>(`SELECT count(*) AS total FROM identity.users WHERE ${where}`, params),
    ]);
    return { items: page.rows, total: count.rows[0].total };
  }
}
