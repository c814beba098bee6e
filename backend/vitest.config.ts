import { defineConfig } from 'vitest/config';

// NestJS DI needs legacy decorators with emitted design-type metadata.
export default defineConfig({
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    include: ['**/*.spec.ts'],
    exclude: ['node_modules', 'dist'],
    // Integration specs share one Postgres and Redis; each file gets its own database.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
