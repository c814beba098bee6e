import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './support/free-port.js';
import { TestPlatform } from './support/test-platform.js';
import { Actors } from './support/actors.js';
import { PASSWORD, login, register } from './support/identity-requests.js';

/** A throwaway Redis of this spec's own, so stopping it disturbs no other spec. */
async function startRedis(port: number): Promise<ChildProcess> {
  const redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (up) return redis;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  redis.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port}`);
}

function stopRedis(redis: ChildProcess): Promise<void> {
  if (redis.exitCode !== null || redis.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    redis.once('exit', () => resolve());
    redis.kill('SIGKILL');
  });
}

describe('with Redis down the limiter answers at once (issue #12, found 8)', () => {
  let platform: TestPlatform;
  let redis: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    redis = await startRedis(port);
    platform = await TestPlatform.start({ REDIS_URL: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    // The platform's queues are emptied on stop, so it needs its Redis back first.
    if (redis.exitCode !== null || redis.signalCode !== null) redis = await startRedis(port);
    await platform?.stop();
    await stopRedis(redis);
  });

  it('answers login and registration with 503 and Retry-After at once (within 2 s), not after a hang', async () => {
    const { email } = await new Actors(platform.http).register('student');
    expect((await login(platform, email, PASSWORD)).status).toBe(200);
    await stopRedis(redis);

    for (const attempt of [() => login(platform, email, PASSWORD), () => register(platform, '10.0.0.9')]) {
      const started = performance.now();
      const r = await attempt();
      // Without the fix this hung for more than 20 s; 2 s leaves room for a busy test machine.
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(r.status).toBe(503);
      expect(r.body.detail).toBeTruthy();
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });
});
