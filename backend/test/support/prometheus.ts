import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { freePort } from './free-port.js';

export const OPS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../ops');

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

/**
 * Debian's `prometheus` run with the repository's configuration (ops/prometheus), its targets pointed at
 * the given api and worker addresses, scraping and evaluating rules every second so a short test sees data.
 */
export class PrometheusServer {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly url: string,
  ) {}

  static async start(targets: { api: string[]; worker: string[] }): Promise<PrometheusServer> {
    const dir = await mkdtemp(path.join(tmpdir(), 'edu-prometheus-'));
    await cp(path.join(OPS, 'prometheus'), path.join(dir, 'config'), { recursive: true });
    const configPath = path.join(dir, 'config', 'prometheus.yml');
    const config = parse(await readFile(configPath, 'utf8'));
    Object.assign(config.global, { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' });
    await writeFile(configPath, stringify(config));
    for (const [job, list] of Object.entries(targets)) {
      await writeFile(path.join(dir, 'config', 'targets', `${job}.json`), JSON.stringify([{ targets: list }]));
    }
    const port = await freePort();
    const child = spawn(
      'prometheus',
      [
        `--config.file=${configPath}`,
        `--storage.tsdb.path=${path.join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: 'ignore' },
    );
    const server = new PrometheusServer(child, dir, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}`);
      const ready = await fetch(`${server.url}/-/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return server;
      if (Date.now() > deadline) throw new Error('prometheus not ready after 20 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Evaluates an instant query; throws on a PromQL error. */
  async query(expr: string): Promise<PromSample[]> {
    const response = await fetch(`${this.url}/api/v1/query?${new URLSearchParams({ query: expr })}`);
    const body = (await response.json()) as { status: string; error?: string; data: { result: PromSample[] } };
    if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
    return body.data.result;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}
