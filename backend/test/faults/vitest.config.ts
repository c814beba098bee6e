import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The fault suite runs on a Postgres cluster and Redis of its own, one scenario after another (faults are
// global to that cluster); `npx vitest run --config test/faults/vitest.config.ts` from backend/.
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    include: ['test/faults/**/*.faults.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 420_000,
    hookTimeout: 120_000,
  },
});
