import type { AppConfig } from '../platform/config/config.js';
import { ensureDatabase } from '../platform/database/migrate.js';
import { createRedis } from '../platform/queue/redis.js';

function where(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol.startsWith('redis') ? 6379 : 5432)}`;
}

/** Errors of the connection itself (refused, unknown host, timed out), as opposed to SQL errors. */
function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('57P');
}

/** Fails fast, in one line each, when Postgres or Redis cannot be reached. */
export async function preflight(config: AppConfig): Promise<void> {
  try {
    await ensureDatabase(config.DATABASE_URL);
  } catch (error) {
    if (!isConnectionError(error)) throw error;
    throw new Error(
      `Postgres is unreachable at ${where(config.DATABASE_URL)} (${(error as Error).message}); start it ` +
        `(e.g. "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start") or set DATABASE_URL`,
      { cause: error },
    );
  }
  const redis = createRedis(config, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis is unreachable at ${where(config.REDIS_URL)} (${(error as Error).message}); start it ` +
        `(e.g. "redis-server --daemonize yes --bind 127.0.0.1 --port 6379") or set REDIS_URL`,
      { cause: error },
    );
  } finally {
    redis.disconnect();
  }
}
