#!/usr/bin/env node
// What one request costs the api process in CPU, endpoint by endpoint, at two arrival patterns:
//   paced        — many kept-alive connections, each sending a request now and then (1,000 connections sharing
//                  800 req/s by default), as load testers' users do: nearly every request wakes the process alone;
//   back to back — a few connections that send their next request as soon as the last was answered, so each
//                  wake of the process finds many requests to serve.
// The same, paced, against a bare Node.js HTTP server started here gives the floor that Node's HTTP stack alone
// costs on this machine. CPU is the api's user + system time from /proc/<pid>/stat, all its threads included.
//
//   node ops/bench/request-cost.mjs --base http://127.0.0.1:3100 --pid <api pid> --out request-cost.json
//           [--connections 1000] [--rate 800] [--seconds 8]
//
// A path may hold `{0-1000}`: a number drawn for each request. Only anonymous GETs of public read models: it writes
// nothing. The benchmark runs it after its load (--request-cost).
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values: options } = parseArgs({
  options: {
    base: { type: 'string' },
    pid: { type: 'string' },
    out: { type: 'string' },
    connections: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '800' },
    seconds: { type: 'string', default: '8' },
  },
});
if (!options.base || !options.pid || !options.out) {
  console.error('usage: request-cost.mjs --base URL --pid PID --out FILE [--connections N] [--rate R] [--seconds S]');
  process.exit(2);
}
const connections = Number(options.connections);
const rate = Number(options.rate);
const seconds = Number(options.seconds);
const BACK_TO_BACK_CONNECTIONS = 16;
const clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** User and system CPU milliseconds of a process so far (fields 14 and 15 of /proc/<pid>/stat). */
function cpuMs(pid) {
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const toMs = (ticks) => (Number(ticks) * 1000) / clockTicksPerSecond;
  return { user: toMs(fields[11]), system: toMs(fields[12]) };
}

/** The path of one request: `{0-1000}` in a path stands for a whole number drawn anew for each request. */
const pathOf = (path) =>
  path.replace(/\{(\d+)-(\d+)\}/g, (_, low, high) =>
    String(Number(low) + Math.floor(Math.random() * (Number(high) - Number(low) + 1))),
  );

/**
 * Sends GET `path` over `count` kept-alive connections for `ms`; each starts within `spreadMs` and waits
 * `pauseMs()` between an answer and its next request.
 */
async function load(base, path, count, ms, pauseMs, spreadMs) {
  const target = () => new URL(pathOf(path), base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: count });
  const stopAt = Date.now() + ms;
  let answered = 0;
  let failed = 0;
  const user = (startDelay) =>
    new Promise((resolve) => {
      const next = () => {
        if (Date.now() >= stopAt) return resolve();
        const request = http.get(target(), { agent }, (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === 200) answered += 1;
            else failed += 1;
            setTimeout(next, pauseMs());
          });
        });
        request.on('error', () => {
          failed += 1;
          setTimeout(next, pauseMs());
        });
      };
      setTimeout(next, startDelay);
    });
  await Promise.all(Array.from({ length: count }, () => user(Math.random() * spreadMs)));
  agent.destroy();
  return { answered, failed };
}

/** The api's CPU per answered request for one path and arrival pattern. */
async function measure(target, pid, base, path, mode) {
  const paced = mode === 'paced';
  const meanPause = (connections / rate) * 1000;
  const pause = paced ? () => meanPause * (0.5 + Math.random()) : () => 0;
  const spread = paced ? meanPause : 0;
  const count = paced ? connections : BACK_TO_BACK_CONNECTIONS;
  await load(base, path, count, 2_000, pause, spread); // warm-up: connections open, code optimized
  const before = cpuMs(pid);
  const started = performance.now();
  const { answered, failed } = await load(base, path, count, seconds * 1000, pause, spread);
  const elapsed = (performance.now() - started) / 1000;
  const after = cpuMs(pid);
  const row = {
    target,
    path,
    mode,
    connections: count,
    requests: answered,
    failed,
    per_second: Math.round(answered / elapsed),
    user_ms: Math.round(after.user - before.user),
    system_ms: Math.round(after.system - before.system),
  };
  row.us_per_request = answered ? Math.round((1000 * (row.user_ms + row.system_ms)) / answered) : null;
  console.error(`request-cost: ${target} ${path} ${mode}: ${row.us_per_request} µs of CPU per request`);
  return row;
}

/** A bare Node.js server answering every request with a small JSON body, in a process of its own. */
async function bareServer() {
  const source = `
    const body = Buffer.from('{"status":"ok"}');
    require('node:http').createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      response.end(body);
    }).listen(0, '127.0.0.1', function () { process.stdout.write(String(this.address().port) + '\\n'); });`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  return { base: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => child.kill() };
}

const json = async (url) => JSON.parse(await (await fetch(url)).text());
const newest = (await json(new URL('/api/course/courses?limit=1', options.base))).items[0];
const paths = [
  // A list page at any offset up to 1,000, as the specification's students browse: most of them are not cached.
  '/api/course/courses?limit=20&offset={0-1000}',
  '/api/course/courses?limit=20&offset=500',
  '/api/course/courses?limit=1',
  ...(newest ? [`/api/course/courses/${newest.id}`, `/api/course/courses/${newest.id}/curriculum`] : []),
  '/health/live',
];
const rows = [];
for (const path of paths)
  for (const mode of ['paced', 'back to back']) rows.push(await measure('api', options.pid, options.base, path, mode));
const bare = await bareServer();
try {
  for (const mode of ['paced', 'back to back'])
    rows.push(await measure('bare Node.js', bare.pid, bare.base, '/', mode));
} finally {
  bare.stop();
}
writeFileSync(options.out, JSON.stringify({ connections, rate, seconds, rows }, null, 1));
