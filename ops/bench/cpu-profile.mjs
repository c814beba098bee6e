// Summarises a V8 CPU profile (node --cpu-prof) into where its on-CPU time went: self time per package or
// source folder, and the busiest functions. Used by the benchmark's report (`npm run bench -- --cpu-profile`);
// also runnable alone: node ops/bench/cpu-profile.mjs FILE.cpuprofile
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where a frame's code lives: an npm package, a Node built-in, a folder of this project, or V8's own bucket. */
function placeOf({ url, functionName }) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return url;
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const relative = path.relative(REPO, file);
  if (relative.startsWith('..')) return file;
  // backend/dist/projections/course-catalog/x.js → projections/course-catalog
  return path.dirname(relative.replace(/^backend\/dist\//, '').replace(/^backend\//, ''));
}

/**
 * Node's native socket writes. The profiler samples wall-clock time, so a thread that has just woken its peer
 * (Locust, Postgres, Redis) with a write and lost its core to it is sampled inside that write until it runs
 * again: on a busy machine most of these frames' time is waiting for a core, not work.
 */
const SOCKET_WRITES = new Set(['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String']);

/** Self time (ms) per place and per function, idle time apart, from one profile. */
export function summariseProfile(profile, top = 15) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byPlace = new Map();
  const byFunction = new Map();
  let idleUs = 0;
  let busyUs = 0;
  let socketWriteUs = 0;
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id).callFrame;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    if (!frame.url && SOCKET_WRITES.has(frame.functionName)) socketWriteUs += us;
    const place = placeOf(frame);
    byPlace.set(place, (byPlace.get(place) ?? 0) + us);
    const name = `${frame.functionName || '(anonymous)'} ${place}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  }
  const ranked = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: busyUs ? us / busyUs : 0 }));
  return {
    busy_ms: Math.round(busyUs / 1000),
    idle_ms: Math.round(idleUs / 1000),
    socket_write_ms: Math.round(socketWriteUs / 1000),
    places: ranked(byPlace),
    functions: ranked(byFunction),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node ops/bench/cpu-profile.mjs FILE.cpuprofile');
    process.exit(2);
  }
  const summary = summariseProfile(JSON.parse(readFileSync(file, 'utf8')), 25);
  console.log(
    `busy ${summary.busy_ms} ms (in socket writes ${summary.socket_write_ms} ms), idle ${summary.idle_ms} ms`,
  );
  for (const section of ['places', 'functions']) {
    console.log(`\n${section}:`);
    for (const row of summary[section])
      console.log(`${(row.share * 100).toFixed(1).padStart(5)} %  ${row.ms} ms  ${row.name}`);
  }
}
