/**
 * The layers of the codebase, checked by `npm run lint` (dependency-cruiser). Each rule says which way a
 * dependency may not point, and why.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-knows-no-read-side-or-http',
      comment:
        'An aggregate and its events decide and record; they know nothing of read models, HTTP or the framework.',
      severity: 'error',
      from: { path: '^backend/aggregates/[^/]+/[^/]+\\.(aggregate|events|decider|policy|policies)\\.ts$' },
      to: { path: ['^backend/projections/', '^backend/src/platform/http/', '^node_modules/(@nestjs|fastify)'] },
    },
    {
      name: 'deciders-and-policies-are-pure',
      comment:
        'A decider or a domain policy is a plain function of state and facts: it imports events, the catalogue, other ' +
        'deciders and policies, the platform domain (errors, decider types) and the API contract types that read-model ' +
        'facts come in, never the ORM, Nest, a reader or I/O.',
      severity: 'error',
      from: { path: '^backend/aggregates/.+\\.(decider|policy|policies)\\.ts$' },
      to: {
        pathNot: [
          '\\.(events|decider|policy|policies)\\.ts$',
          '^backend/aggregates/event-catalogue\\.ts$',
          '^backend/src/platform/domain/',
          '^backend/src/platform/auth/auth-user\\.ts$',
          '^contracts/api\\.d\\.ts$',
        ],
      },
    },
    {
      name: 'projections-follow-events-only',
      comment:
        'A projection reads events (their *.events.ts and the catalogue) and the platform; never commands, handlers or aggregates.',
      severity: 'error',
      from: { path: '^backend/projections/.+\\.projection\\.ts$' },
      to: {
        path: '^backend/aggregates/',
        pathNot: ['\\.events\\.ts$', '^backend/aggregates/event-catalogue\\.ts$'],
      },
    },
    {
      name: 'platform-is-below-the-domain',
      comment:
        'The platform serves every aggregate and read model, so it imports none of them (events excepted: their ' +
        'types, the catalogue, and the upcasters the outbox reads stored events with).',
      severity: 'error',
      from: { path: '^backend/src/platform/' },
      to: {
        path: '^backend/(aggregates|projections)/',
        pathNot: ['\\.events\\.ts$', '^backend/aggregates/event-(catalogue|upcasters)\\.ts$'],
      },
    },
    {
      name: 'controllers-reach-no-sql',
      comment: 'A controller maps HTTP to a command or a query; SQL lives in query classes and handlers.',
      severity: 'error',
      from: { path: '^backend/(aggregates|projections)/.+\\.controller\\.ts$' },
      to: { path: '^backend/src/platform/database/pg-pool\\.ts$' },
    },
    {
      name: 'frontend-shares-only-contracts',
      comment: 'The frontend talks to the backend over HTTP and Socket.IO; the only shared code is contracts/.',
      severity: 'error',
      from: { path: '^frontend/' },
      to: { path: '^backend/' },
    },
    {
      name: 'no-cycles-in-the-domain',
      comment: 'Aggregates and read models stay a tree: a cycle means two of them know each other too well.',
      severity: 'error',
      from: { path: '^backend/(aggregates|projections)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stay in the graph as leaves (not followed), so rules can name the libraries a layer may not use.
    exclude: { path: '(^|/)(dist|build|\\.svelte-kit)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'backend/tsconfig.json' },
  },
};
