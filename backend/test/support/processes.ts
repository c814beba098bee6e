import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/src');

/**
 * The environment of api and worker processes a spec starts from the build: its own database and Redis key
 * prefix, quiet logs, a small pool; `overrides` add ports and the like.
 */
export function platformEnv(databaseUrl: string, redisPrefix: string, overrides: Record<string, string> = {}) {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: redisPrefix,
    LOG_LEVEL: 'warn',
    DATABASE_POOL_SIZE: '5',
    HOST: '127.0.0.1',
    WORKER_METRICS_PORT: '0',
    ...overrides,
  };
}

/** A platform process started from the build, as production runs it. */
export class PlatformProcess {
  private output = '';

  private constructor(
    readonly role: 'api' | 'worker',
    private readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (chunk) => (this.output += chunk));
    child.stderr?.on('data', (chunk) => (this.output += chunk));
  }

  static start(role: 'api' | 'worker', env: Record<string, string>): PlatformProcess {
    const entry = path.join(dist, `main.${role}.js`);
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
    const child = spawn(process.execPath, [entry], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new PlatformProcess(role, child);
  }

  get log(): string {
    return this.output;
  }

  /** Whether the process has exited (crashed, if nobody stopped it). */
  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** `kill -9`, as a crash would end it; resolves once the process is gone. */
  async kill9(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGKILL');
    await gone;
  }

  /** Sends SIGTERM and reports how the process ended by itself; kills it only after `limitMs`. */
  async terminate(limitMs: number): Promise<{ ms: number; code: number | null; signal: string | null }> {
    const started = Date.now();
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), limitMs);
    const { code, signal } = await exited;
    clearTimeout(timer);
    return { ms: Date.now() - started, code, signal };
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** Polls `url` until it answers 200. */
export async function waitUntilReady(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
