import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process; each role (api, worker) exposes what it measures. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP request latency by route template, method and status',
  labelNames: ['method', 'route', 'status'] as const,
  // Up to 30 s: a sign-in may wait 10 s for its hash under load (answered by 11 s, hence 15), and clients commonly
  // give up at 30 s.
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
  registers: [registry],
});

export const commandConflicts = new Counter({
  name: 'aggregate_version_conflicts_total',
  help: 'Commands retried because another process changed the aggregate first',
  registers: [registry],
});

export const projectionLag = new Histogram({
  name: 'projection_lag_seconds',
  help: 'Time from an event being committed to its projection committing',
  labelNames: ['projection'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const projectionFailures = new Counter({
  name: 'projection_failures_total',
  help: 'Projection job attempts that threw (retried with backoff; events still failing at the last attempt are recorded in read.failed_events)',
  labelNames: ['projection'] as const,
  registers: [registry],
});

export const projectionHandovers = new Counter({
  name: 'projection_dispatch_handovers_total',
  help: 'Shares of dispatched batches a consumer got on its own queue instead: busy (still applying earlier dispatched batches) or failed (retried there)',
  labelNames: ['projection', 'reason'] as const,
  registers: [registry],
});

export const projectionBatchSize = new Histogram({
  name: 'projection_batch_size',
  help: 'Events applied per projection transaction (redeliveries excluded)',
  labelNames: ['projection'] as const,
  buckets: [0, 1, 2, 5, 10, 25, 50, 100, 250, 500],
  registers: [registry],
});

export const projectionBatchApply = new Histogram({
  name: 'projection_batch_apply_seconds',
  help: 'Time to apply and commit one batch of events to a projection',
  labelNames: ['projection'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [registry],
});

export const outboxRelayed = new Counter({
  name: 'outbox_relayed_events_total',
  help: 'Events moved from a service outbox to the event pipeline (the dispatch queue)',
  labelNames: ['schema'] as const,
  registers: [registry],
});

export const projectionRequeued = new Counter({
  name: 'projection_requeued_events_total',
  help: 'Events the reconciler sent again because a projection had not applied them after the grace period',
  labelNames: ['projection'] as const,
  registers: [registry],
});

export const loginAttempts = new Counter({
  name: 'auth_login_attempts_total',
  help: 'Login attempts by outcome: success, wrong_password, rate_limited (lockout or account backoff), shed (refused at the hashing gate under load), unavailable (limiter store down)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});
