import { ScenarioPlatform } from './scenario-platform.js';
import type { OwnRedis } from './own-redis.js';
import { WriteLoad, prepareCourses } from './write-load.js';
import { awaitConvergence, type Verdict } from './convergence.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ScenarioContext {
  platform: ScenarioPlatform;
  redis: OwnRedis;
  load: WriteLoad;
  teacherToken: string;
  /** A broken promise noticed by the scenario itself (besides convergence and the api's answers). */
  violation(message: string): void;
  note(message: string): void;
}

export interface Scenario {
  name: string;
  /** Runs before the load starts (e.g. swap in a relay-only worker). */
  prepare?(ctx: ScenarioContext): Promise<void>;
  /** Injects the fault while the load runs, and undoes what an operator would (restart a killed process). */
  inject(ctx: ScenarioContext): Promise<void>;
  /** Checks of the scenario's own, once the read models converged (or the wait gave up). */
  afterwards?(ctx: ScenarioContext): Promise<void>;
  /** Load before the fault (default 4 s) and after it (default 6 s). */
  loadBeforeMs?: number;
  loadAfterMs?: number;
  /** Environment of the scenario's own for the api and every worker (e.g. OUTBOX_RELAY_GATHER_MS). */
  settings?: Record<string, string>;
  /** Students of the write load (default 20), each pausing `thinkMs` between commands (default 500 ms). */
  students?: number;
  thinkMs?: number;
}

export interface ScenarioResult {
  scenario: string;
  acknowledged: number;
  lost: number;
  lostByKind: Record<string, number>;
  checker: number | string;
  notificationsMissing: number;
  notificationsDoubled: number;
  converged: boolean;
  /** from the last acknowledged command (the load stopped) to convergence */
  convergeMs: number;
  /** from the fault's injection to convergence (the load ran on for a few seconds in between) */
  faultToConvergeMs: number;
  responses: Record<number, number>;
  notes: string[];
  violations: string[];
}

// Generous (the machine is shared; today's worker needs about a minute for a 3,000-job backlog) but bounded.
const CONVERGENCE_TIMEOUT_MS = 90_000;
// Longer than the reconciler's interval + grace in the suite's settings: a late re-delivery would show by then.
const RECHECK_MS = 4_500;

async function untilProjected(platform: ScenarioPlatform, lessonIds: string[], timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await platform.sql.query(
      'SELECT count(*)::int AS n FROM read.course_lessons WHERE lesson_id = ANY($1::uuid[])',
      [lessonIds],
    );
    if (rows[0].n === lessonIds.length) return;
    if (Date.now() > deadline) throw new Error('the prepared courses were never projected');
    await sleep(100);
  }
}

/**
 * One scenario: a fresh database and api + worker, courses prepared and projected, the write load running,
 * the fault injected mid-load, then the wait for convergence with no manual step.
 */
export async function runScenario(scenario: Scenario, redis: OwnRedis): Promise<ScenarioResult> {
  const violations: string[] = [];
  const notes: string[] = [];
  const platform = await ScenarioPlatform.start(scenario.name, redis, scenario.settings);
  try {
    const { teacherToken, courses } = await prepareCourses(platform.http);
    await untilProjected(
      platform,
      courses.flatMap((c) => c.lessonIds),
    );
    const load = new WriteLoad(platform.http, courses, teacherToken, {
      students: scenario.students,
      thinkMs: scenario.thinkMs,
    });
    const ctx: ScenarioContext = {
      platform,
      redis,
      load,
      teacherToken,
      violation: (m) => violations.push(m),
      note: (m) => notes.push(m),
    };
    await scenario.prepare?.(ctx);
    load.start();
    await sleep(scenario.loadBeforeMs ?? 4_000);
    const faultAt = Date.now();
    await scenario.inject(ctx);
    await sleep(scenario.loadAfterMs ?? 6_000);
    const lastAck = await load.stop();
    const { converged, ms, verdict } = await awaitConvergence(platform.sql, platform.databaseUrl, load.ledger, {
      since: lastAck,
      timeoutMs: CONVERGENCE_TIMEOUT_MS,
      recheckMs: RECHECK_MS,
    });
    if (!converged)
      violations.push(`not converged ${CONVERGENCE_TIMEOUT_MS / 1000} s after the load stopped: ${describe(verdict)}`);
    await scenario.afterwards?.(ctx);
    const { stats } = load;
    if (stats.serverErrors) violations.push(`${stats.serverErrors} answers 5xx other than 503`);
    if (stats.hung) violations.push(`${stats.hung} requests took longer than 10 s (slowest ${stats.slowestMs} ms)`);
    if (stats.unreachable) violations.push(`${stats.unreachable} requests found no api listening`);
    if (stats.refusedReviews) notes.push(`${stats.refusedReviews} reviews refused (403) after 10 s of retries`);
    violations.push(...platform.crashed());
    return {
      scenario: scenario.name,
      acknowledged: load.acknowledged,
      lost: verdict.lost,
      lostByKind: verdict.lostByKind,
      checker: verdict.checker,
      notificationsMissing: verdict.notificationsMissing,
      notificationsDoubled: verdict.notificationsDoubled,
      converged,
      convergeMs: ms,
      faultToConvergeMs: lastAck + ms - faultAt,
      responses: stats.byStatus,
      notes,
      violations,
    };
  } finally {
    await platform.stop();
  }
}

function describe(v: Verdict): string {
  const lost = Object.entries(v.lostByKind)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  return (
    `lost ${v.lost}${lost ? ` (${lost})` : ''}, ${v.wrongCounters} courses with wrong counters, ` +
    `notifications ${v.notificationsMissing} missing / ${v.notificationsDoubled} doubled, checker ${v.checker}`
  );
}

/**
 * The closing table: scenario | acknowledged commands | lost | checker | notifications missing/doubled | time to
 * converge, counted from the load's last acknowledged command and from the fault.
 */
export function formatTable(results: readonly ScenarioResult[]): string {
  const header = [
    'scenario',
    'acknowledged commands',
    'lost',
    'checker',
    'notifications missing/doubled',
    'time to converge (after the load / from the fault)',
  ];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const rows = results.map((r) => [
    r.scenario,
    String(r.acknowledged),
    String(r.lost),
    typeof r.checker === 'number' ? String(r.checker) : 'error',
    `${r.notificationsMissing}/${r.notificationsDoubled}`,
    r.converged
      ? `${seconds(r.convergeMs)} / ${seconds(r.faultToConvergeMs)}`
      : `not within ${CONVERGENCE_TIMEOUT_MS / 1000} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const details = results.flatMap((r) => [
    `${r.scenario}: answers ${JSON.stringify(r.responses)}${r.notes.length ? `; ${r.notes.join('; ')}` : ''}`,
    ...r.violations.map((v) => `  ✗ ${v}`),
  ]);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '', ...details].join('\n');
}
