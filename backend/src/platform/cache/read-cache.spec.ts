import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('ReadCache', () => {
  it('shares one load between concurrent readers of a missing key', async () => {
    const cache = new ReadCache<{ n: number }>(1_000);
    let loads = 0;
    const load = async () => {
      loads += 1;
      await sleep(20);
      return { n: loads };
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => cache.get('k', load)));
    expect(loads).toBe(1);
    expect(results.every((r) => r.n === 1)).toBe(true);
  });

  it('serves a stale value while one background refresh replaces it', async () => {
    const cache = new ReadCache<{ n: number }>(30);
    let loads = 0;
    const load = async () => {
      loads += 1;
      await sleep(20);
      return { n: loads };
    };
    await cache.get('k', load);
    await sleep(40);
    expect(await cache.get('k', load)).toEqual({ n: 1 }); // stale, refresh started
    await sleep(30);
    expect(await cache.get('k', load)).toEqual({ n: 2 });
    expect(loads).toBe(2);
  });

  it('keeps the last good value when a refresh fails', async () => {
    const cache = new ReadCache<{ n: number }>(10);
    await cache.get('k', async () => ({ n: 1 }));
    await sleep(20);
    const failing = async (): Promise<{ n: number }> => {
      throw new Error('database down');
    };
    expect(await cache.get('k', failing)).toEqual({ n: 1 });
  });

  it('reloads an entry that has been stale for longer than the stale window instead of answering with it', async () => {
    const cache = new ReadCache<{ n: number }>(10, { staleMs: 20 });
    let loads = 0;
    const load = async () => ({ n: ++loads });
    await cache.get('k', load);
    await sleep(50);
    expect(await cache.get('k', load)).toEqual({ n: 2 });
    expect(loads).toBe(2);
  });

  it('keeps serving the old value past the stale window while its refresh is still running, without a second load', async () => {
    const cache = new ReadCache<{ n: number }>(40, { staleMs: 20 });
    let loads = 0;
    const slowLoad = async () => {
      loads += 1;
      await sleep(loads === 1 ? 0 : 150); // the refresh outlasts fresh + stale
      return { n: loads };
    };
    await cache.get('k', slowLoad);
    await sleep(50); // stale: this read starts the slow refresh
    expect(await cache.get('k', slowLoad)).toEqual({ n: 1 });
    await sleep(40); // older than fresh + stale, its refresh still running
    expect(cache.peek('k')).toEqual({ n: 1 });
    expect(await cache.get('k', slowLoad)).toEqual({ n: 1 });
    expect(loads).toBe(2);
    await sleep(130); // the refresh has landed
    expect(await cache.get('k', slowLoad)).toEqual({ n: 2 });
    expect(loads).toBe(2);
  });

  it('keeps an entry fresh in proportion to what its load cost, within its bounds', async () => {
    const cache = new ReadCache<{ n: number }>(20, { freshPerLoadMs: 4, maxFreshMs: 400, staleMs: 0 });
    let loads = 0;
    const loadTaking = (ms: number) => async () => {
      loads += 1;
      await sleep(ms);
      return { n: loads };
    };
    await cache.get('costly', loadTaking(50)); // fresh for 200 ms
    await cache.get('cheap', loadTaking(0)); // fresh for the floor, 20 ms
    await sleep(60);
    expect(await cache.get('costly', loadTaking(0))).toEqual({ n: 1 });
    expect(cache.peek('cheap')).toBeUndefined();
    const slowest = new ReadCache<{ n: number }>(20, { freshPerLoadMs: 100, maxFreshMs: 100, staleMs: 0 });
    await slowest.get('k', loadTaking(30)); // would earn 3 s: capped at 100 ms
    await sleep(130);
    expect(slowest.peek('k')).toBeUndefined();
    expect(loads).toBe(3);
  });

  it('with no freshness, always loads', async () => {
    const cache = new ReadCache<{ n: number }>(0);
    let loads = 0;
    await cache.get('k', async () => ({ n: ++loads }));
    await cache.get('k', async () => ({ n: ++loads }));
    expect(loads).toBe(2);
  });

  it('peeks at a value it holds without loading one, and not past the staleness bound', async () => {
    const cache = new ReadCache<{ n: number }>(20, { staleMs: 20 });
    expect(cache.peek('k')).toBeUndefined();
    await cache.get('k', async () => ({ n: 1 }));
    expect(cache.peek('k')).toEqual({ n: 1 });
    await sleep(30); // stale, still servable
    expect(cache.peek('k')).toEqual({ n: 1 });
    await sleep(30); // older than fresh + stale
    expect(cache.peek('k')).toBeUndefined();
    expect(new ReadCache<{ n: number }>(0).peek('k')).toBeUndefined();
  });
});
