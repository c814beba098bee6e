import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import type { LoggerService } from '@nestjs/common';
import { loadConfig } from '../src/platform/config/config.js';
import { warnUnlessNoEviction } from '../src/app/redis-eviction-policy.js';
import { freePort } from './support/free-port.js';

// A private Redis, so the policy can be changed without touching the one other specs share.
let server: ChildProcess;
let redis: Redis;
let url: string;

beforeAll(async () => {
  const port = await freePort();
  server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  url = `redis://127.0.0.1:${port}`;
  redis = new Redis(url, { retryStrategy: (n) => (n < 50 ? 100 : null) });
  redis.on('error', () => undefined); // refused until redis-server listens
  await redis.ping();
});

afterAll(async () => {
  redis?.disconnect();
  server?.kill();
});

async function warningsWith(policy: string): Promise<string[]> {
  await redis.config('SET', 'maxmemory-policy', policy);
  const warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) } as LoggerService;
  await warnUnlessNoEviction(loadConfig({ REDIS_URL: url }), logger);
  return warnings;
}

describe('the worker start-up check of Redis eviction', () => {
  it('is silent when Redis never evicts', async () => {
    expect(await warningsWith('noeviction')).toEqual([]);
  });

  it('warns when Redis may evict queued jobs', async () => {
    const warnings = await warningsWith('allkeys-lru');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/maxmemory-policy is "allkeys-lru".*set maxmemory-policy noeviction/);
  });

  it('warns when the policy cannot be read', async () => {
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message) } as LoggerService;
    await warnUnlessNoEviction(loadConfig({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` }), logger);
    expect(warnings).toEqual([expect.stringMatching(/could not read Redis maxmemory-policy/)]);
  });
});
