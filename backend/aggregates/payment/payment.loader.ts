import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import { Payment } from './payment.aggregate.js';

const COLUMNS = 'id, student_id, course_id, amount, status, idempotency_key, created_at, version';

/**
 * The payments taking a payment decides on, each by one prepared statement whose row is handed to MikroORM as
 * loaded state (`em.map`): a `findOne` built its query and had Postgres plan it anew for every payment.
 */
@Injectable()
export class PaymentLoader {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  /** The student's payment made with this idempotency key, if any. */
  byIdempotencyKey(em: EntityManager, studentId: string, key: string): Promise<Payment | undefined> {
    return this.one(em, 'payment-by-idempotency-key', 'student_id = $1 AND idempotency_key = $2', [studentId, key]);
  }

  /** The student's completed payment for the course, if any (there is at most one). */
  completedFor(em: EntityManager, studentId: string, courseId: string): Promise<Payment | undefined> {
    return this.one(em, 'completed-payment-for-course', `student_id = $1 AND course_id = $2 AND status = 'completed'`, [
      studentId,
      courseId,
    ]);
  }

  private async one(em: EntityManager, name: string, where: string, values: unknown[]): Promise<Payment | undefined> {
    const { rows } = await this.pool.query({
      name,
      text: `SELECT ${COLUMNS} FROM payment.payments WHERE ${where} LIMIT 1`,
      values,
    });
    return rows[0] && em.map(Payment, rows[0]);
  }
}
