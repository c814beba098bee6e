import { Inject, Injectable } from '@nestjs/common';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import type { Role } from '../../src/platform/auth/auth-user.js';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  isVerified: boolean;
  createdAt: Date;
  passwordHash: string;
}

const COLUMNS = `id, email, name, role, is_verified AS "isVerified", created_at AS "createdAt", password_hash AS "passwordHash"`;

/** Reads of the identity service's own table, straight SQL (no aggregate needed to answer a question). */
@Injectable()
export class UsersQuery {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  async byEmail(email: string): Promise<UserRecord | undefined> {
    const { rows } = await this.pool.query<UserRecord>(`SELECT ${COLUMNS} FROM identity.users WHERE email = $1`, [
      email.toLowerCase(),
    ]);
    return rows[0];
  }

  async byId(id: string): Promise<UserRecord | undefined> {
    const { rows } = await this.pool.query<UserRecord>(`SELECT ${COLUMNS} FROM identity.users WHERE id = $1`, [id]);
    return rows[0];
  }

  async pendingTeachers(limit: number, offset: number): Promise<{ items: UserRecord[]; total: number }> {
    const [page, count] = await Promise.all([
      this.pool.query<UserRecord>(
        `SELECT ${COLUMNS} FROM identity.users WHERE role = 'teacher' AND NOT is_verified
         ORDER BY created_at, id LIMIT $1 OFFSET $2`,
        [limit, offset],
      ),
      this.pool.query<{ total: number }>(
        `SELECT count(*) AS total FROM identity.users WHERE role = 'teacher' AND NOT is_verified`,
      ),
    ]);
    return { items: page.rows, total: count.rows[0].total };
  }
}
