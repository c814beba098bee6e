import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Ledger } from './write-load.js';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/src/cli/read-models.js');

export interface Verdict {
  /** acknowledged commands not (or not fully) reflected in the read models */
  lost: number;
  lostByKind: Record<string, number>;
  /** courses whose counters (cards, dashboard stats) disagree with the write side */
  wrongCounters: number;
  notificationsMissing: number;
  notificationsDoubled: number;
  /** differences the read-model checker CLI printed; a string when it could not run */
  checker: number | string;
}

export const verdictHolds = (v: Verdict) =>
  v.lost === 0 && v.wrongCounters === 0 && v.notificationsMissing === 0 && v.notificationsDoubled === 0;

/** Acknowledged commands whose effect is not in the read model that should show it. */
async function lostCommands(sql: pg.Pool, ledger: Ledger): Promise<Record<string, number>> {
  const missing = async (query: string, params: unknown[]) => (await sql.query(query, params)).rows[0].n as number;
  const reviewsPerCourse = new Map<string, number>();
  for (const r of ledger.reviews) reviewsPerCourse.set(r.courseId, (reviewsPerCourse.get(r.courseId) ?? 0) + 1);
  return {
    users: await missing(
      'SELECT count(*)::int AS n FROM unnest($1::uuid[]) a(id) WHERE NOT EXISTS (SELECT 1 FROM read.users r WHERE r.id = a.id)',
      [ledger.users],
    ),
    enrollments: await missing(
      `SELECT count(*)::int AS n FROM unnest($1::uuid[]) a(id)
        WHERE NOT EXISTS (SELECT 1 FROM read.student_courses r WHERE r.enrollment_id = a.id)`,
      [ledger.enrollments.map((e) => e.id)],
    ),
    completions: await missing(
      `SELECT count(*)::int AS n FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) a(student_id, course_id, lesson_id)
        WHERE NOT EXISTS (SELECT 1 FROM read.lesson_completions r
                           WHERE (r.student_id, r.course_id, r.lesson_id) = (a.student_id, a.course_id, a.lesson_id))`,
      [
        ledger.completions.map((c) => c.studentId),
        ledger.completions.map((c) => c.courseId),
        ledger.completions.map((c) => c.lessonId),
      ],
    ),
    // Reviews have no row of their own in a read model: they count on the course card and the dashboard.
    reviews: await missing(
      `SELECT coalesce(sum(greatest(a.n - least(coalesce(cc.review_count, 0), coalesce(cs.review_count, 0)), 0)), 0)::int AS n
         FROM unnest($1::uuid[], $2::int[]) a(course_id, n)
         LEFT JOIN read.course_counters cc ON cc.course_id = a.course_id
         LEFT JOIN read.course_stats cs ON cs.course_id = a.course_id`,
      [[...reviewsPerCourse.keys()], [...reviewsPerCourse.values()]],
    ),
    payments: await missing(
      // A payment shows as its student's payment_completed notification (its revenue is a counter below).
      `SELECT count(*)::int AS n FROM unnest($1::uuid[]) a(id) JOIN payment.payments p ON p.id = a.id
        WHERE NOT EXISTS (SELECT 1 FROM notification.notifications n
                           WHERE n.user_id = p.student_id AND n.type = 'payment_completed')`,
      [ledger.payments],
    ),
    courses: await missing(
      'SELECT count(*)::int AS n FROM unnest($1::uuid[]) a(id) WHERE NOT EXISTS (SELECT 1 FROM read.course_cards r WHERE r.id = a.id)',
      [ledger.courses],
    ),
    lessons: await missing(
      `SELECT count(*)::int AS n FROM unnest($1::uuid[]) a(id)
        WHERE NOT EXISTS (SELECT 1 FROM read.course_lessons r WHERE r.lesson_id = a.id)`,
      [ledger.lessons],
    ),
  };
}

/** Courses whose card or dashboard counters differ from a count of the write side. */
async function wrongCounters(sql: pg.Pool): Promise<number> {
  const { rows } = await sql.query(
    `WITH truth AS (
       SELECT c.id,
              (SELECT count(*) FROM enrollment.enrollments e WHERE e.course_id = c.id) AS enrollments,
              (SELECT count(*) FROM enrollment.enrollments e WHERE e.course_id = c.id AND e.status = 'completed') AS completed,
              (SELECT count(*) FROM course.reviews r WHERE r.course_id = c.id) AS reviews,
              (SELECT coalesce(sum(p.amount), 0) FROM payment.payments p
                WHERE p.course_id = c.id AND p.status = 'completed') AS revenue
         FROM course.courses c)
     SELECT count(*)::int AS n
       FROM truth t
       LEFT JOIN read.course_counters cc ON cc.course_id = t.id
       LEFT JOIN read.course_stats cs ON cs.course_id = t.id
      WHERE cc.course_id IS NULL
         OR cc.enrollment_count <> t.enrollments OR cc.review_count <> t.reviews
         OR coalesce(cs.enrollment_count, 0) <> t.enrollments OR coalesce(cs.completions, 0) <> t.completed
         OR coalesce(cs.review_count, 0) <> t.reviews OR coalesce(cs.revenue, 0) <> t.revenue`,
  );
  return rows[0].n;
}

/**
 * Notifications expected from the write side by the feed's rules (welcome per user, teacher_verified,
 * payment_completed, enrolled, milestone on passing half of a course, course_completed, review_posted to the
 * teacher) against those that exist, per recipient and type. Notifications cannot be rebuilt, so a missing
 * one is lost for good; a doubled one is a delivery counted twice.
 */
async function notificationBalance(sql: pg.Pool): Promise<{ missing: number; doubled: number }> {
  const { rows } = await sql.query(
    `WITH expected AS (
       SELECT id AS user_id, 'welcome' AS type FROM identity.users
       UNION ALL SELECT id, 'teacher_verified' FROM identity.users WHERE role = 'teacher' AND is_verified
       UNION ALL SELECT student_id, 'payment_completed' FROM payment.payments WHERE status = 'completed'
       UNION ALL SELECT student_id, 'enrolled' FROM enrollment.enrollments
       UNION ALL
       SELECT e.student_id, 'milestone'
         FROM enrollment.enrollments e
         JOIN LATERAL (SELECT count(*) AS total FROM course.lessons l WHERE l.course_id = e.course_id) c ON true
         JOIN LATERAL (SELECT count(*) AS done FROM enrollment.lesson_completions lc WHERE lc.enrollment_id = e.id) d ON true
        WHERE c.total >= 2 AND d.done >= ceil(c.total / 2.0)
       UNION ALL SELECT student_id, 'course_completed' FROM enrollment.enrollments WHERE status = 'completed'
       UNION ALL SELECT c.teacher_id, 'review_posted' FROM course.reviews r JOIN course.courses c ON c.id = r.course_id),
     want AS (SELECT user_id, type, count(*) AS n FROM expected GROUP BY 1, 2),
     have AS (SELECT user_id, type, count(*) AS n FROM notification.notifications GROUP BY 1, 2)
     SELECT coalesce(sum(greatest(coalesce(w.n, 0) - coalesce(h.n, 0), 0)), 0)::int AS missing,
            coalesce(sum(greatest(coalesce(h.n, 0) - coalesce(w.n, 0), 0)), 0)::int AS doubled
       FROM want w FULL JOIN have h ON h.user_id = w.user_id AND h.type = w.type`,
  );
  return rows[0];
}

/** The operator's `read-models` CLI from the build, on one database: its exit code and output. */
export function readModels(
  databaseUrl: string,
  ...args: string[]
): Promise<{ failed: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ failed: error !== null, stdout, stderr }),
    );
  });
}

/** `read-models check` as an operator runs it: its count of differences, or why it could not tell. */
export async function runChecker(databaseUrl: string): Promise<number | string> {
  const { failed, stdout, stderr } = await readModels(databaseUrl, 'check');
  const counted = /^(\d+) differences$/m.exec(stdout);
  if (counted && (Number(counted[1]) === 0) === !failed) return Number(counted[1]);
  return `checker failed: ${(stderr || stdout).trim().split('\n').slice(-3).join(' | ')}`;
}

/** Everything the promise covers except the checker (which is slower: it rebuilds every read model). */
export async function measure(sql: pg.Pool, ledger: Ledger): Promise<Verdict> {
  const lostByKind = await lostCommands(sql, ledger);
  const notifications = await notificationBalance(sql);
  return {
    lost: Object.values(lostByKind).reduce((a, b) => a + b, 0),
    lostByKind,
    wrongCounters: await wrongCounters(sql),
    notificationsMissing: notifications.missing,
    notificationsDoubled: notifications.doubled,
    checker: 'not run',
  };
}

/**
 * Polls until every acknowledged command is in every read model and notifications balance, then looks again
 * after `recheckMs` — a late re-delivery (the reconciler) must not count anything twice — and runs the checker,
 * which must report 0. Returns how long it took from `since` to the first good look, or the last verdict.
 */
export async function awaitConvergence(
  sql: pg.Pool,
  databaseUrl: string,
  ledger: Ledger,
  { since, timeoutMs, recheckMs }: { since: number; timeoutMs: number; recheckMs: number },
): Promise<{ converged: boolean; ms: number; verdict: Verdict }> {
  const deadline = Date.now() + timeoutMs;
  let verdict: Verdict | undefined;
  for (;;) {
    try {
      verdict = await measure(sql, ledger);
      if (verdictHolds(verdict)) {
        const ms = Date.now() - since;
        await new Promise((resolve) => setTimeout(resolve, recheckMs));
        const again = await measure(sql, ledger);
        again.checker = await runChecker(databaseUrl);
        if (verdictHolds(again) && again.checker === 0) return { converged: true, ms, verdict: again };
        verdict = again;
      }
    } catch (error) {
      // The database may still be coming back; keep polling until the deadline.
      if (Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) {
      if (verdict && verdict.checker === 'not run') verdict.checker = await runChecker(databaseUrl);
      return { converged: false, ms: Date.now() - since, verdict: verdict! };
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
