import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { SqlPool } from '../../src/platform/database/pg-pool.js';
import { SQL_POOL } from '../../src/platform/platform.module.js';
import { named, pageOf, timestamp } from '../../src/platform/http/responses.js';

export const paymentView = named(
  'Payment',
  z.object({
    id: z.uuid(),
    student_id: z.uuid(),
    course_id: z.uuid(),
    /** Decimal string, e.g. "49.99". */
    amount: z.string(),
    /** The mock provider always completes a payment. */
    status: z.literal('completed'),
    created_at: timestamp,
  }),
);
export type PaymentView = z.infer<typeof paymentView>;
export const paymentPage = pageOf(paymentView);

const COLUMNS = `id, student_id, course_id, amount::text AS amount, status, to_json(created_at)#>>'{}' AS created_at`;

/** The payment service's reads, including the question other services ask it: "has this student paid?" */
@Injectable()
export class PaymentsQuery {
  constructor(@Inject(SQL_POOL) private readonly pool: SqlPool) {}

  async byId(id: string): Promise<PaymentView | undefined> {
    const { rows } = await this.pool.query<PaymentView>(`SELECT ${COLUMNS} FROM payment.payments WHERE id = $1`, [id]);
    return rows[0];
  }

  async byIdempotencyKey(studentId: string, key: string): Promise<PaymentView | undefined> {
    const { rows } = await this.pool.query<PaymentView>(
      `SELECT ${COLUMNS} FROM payment.payments WHERE student_id = $1 AND idempotency_key = $2`,
      [studentId, key],
    );
    return rows[0];
  }

  async ofStudent(studentId: string, limit: number, offset: number): Promise<{ items: PaymentView[]; total: number }> {
    const [page, count] = await Promise.all([
      this.pool.query<PaymentView>(
        `SELECT ${COLUMNS} FROM payment.payments WHERE student_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [studentId, limit, offset],
      ),
      this.pool.query<{ total: number }>('SELECT count(*) AS total FROM payment.payments WHERE student_id = $1', [
        studentId,
      ]),
    ]);
    return { items: page.rows, total: count.rows[0].total };
  }

  /** A completed payment of this student for this course (the given one, or any when none is named). */
  async completedPayment(studentId: string, courseId: string, paymentId?: string): Promise<PaymentView | undefined> {
    const { rows } = await this.pool.query<PaymentView>({
      name: 'completed-payment',
      text: `SELECT ${COLUMNS} FROM payment.payments
              WHERE student_id = $1 AND course_id = $2 AND status = 'completed' AND ($3::uuid IS NULL OR id = $3)
              ORDER BY created_at DESC LIMIT 1`,
      values: [studentId, courseId, paymentId ?? null],
    });
    return rows[0];
  }
}
