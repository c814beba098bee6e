import { describe, expect, it } from 'vitest';
import { KeyedThrottle } from './keyed-throttle.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedThrottle', () => {
  it('runs the requests of one turn once, in a later turn', async () => {
    const runs: string[] = [];
    const throttle = new KeyedThrottle<string>(50, (key) => runs.push(key));
    throttle.request('a');
    throttle.request('a');
    throttle.request('b');
    expect(runs).toEqual([]);
    await sleep(0);
    expect(runs).toEqual(['a', 'b']);
  });

  it('holds a key back until its interval has passed since its last run, other keys not', async () => {
    const runs: { key: string; at: number }[] = [];
    const started = performance.now();
    const throttle = new KeyedThrottle<string>(60, (key) => runs.push({ key, at: performance.now() - started }));
    throttle.request('a');
    await sleep(5);
    throttle.request('a');
    throttle.request('a');
    throttle.request('b');
    await sleep(100);
    expect(runs.map((r) => r.key)).toEqual(['a', 'b', 'a']);
    expect(runs[2].at - runs[0].at).toBeGreaterThanOrEqual(59);
  });

  it('drops pending runs when cancelled', async () => {
    const runs: string[] = [];
    const throttle = new KeyedThrottle<string>(20, (key) => runs.push(key));
    throttle.request('a');
    await sleep(0);
    throttle.request('a');
    throttle.request('b');
    throttle.cancel();
    await sleep(40);
    expect(runs).toEqual(['a']);
  });
});
